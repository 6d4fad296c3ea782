package io.velocity.hmr.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;
import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module renamed ({@code Counter.tsx} to {@code Tally.tsx}) and its importer edited to
 * follow, in each order and grouping the watcher can report the three file events in, and
 * with the importer read at each point of its editor's save: the page gets a hot update
 * of the importer and is never reloaded.
 */
class RenamedModulePipelineTests extends PipelineTestSupport {

	@Test
	void renameAndImporterEditReportedTogetherAreOneHotUpdate() throws IOException {
		loadPage();
		rename();
		followInApp();
		this.pipeline.accept(changes(deleted("Counter.tsx"), created("Tally.tsx"), modified("App.tsx")));
		assertThat(sentButPrunes()).singleElement().satisfies(RenamedModulePipelineTests::isHotUpdateOfApp);
	}

	@Test
	void importerEmptiedMidSaveWhenTheRenameIsReportedIsLeftForItsOwnChange() throws IOException {
		loadPage();
		rename();
		// The importer's editor has truncated it and not written it yet: the watcher
		// holds it back, but the pipeline reads it as the importer of a deleted module.
		Files.write(this.root.resolve("App.tsx"), new byte[0]);
		this.pipeline.accept(changes(deleted("Counter.tsx"), created("Tally.tsx")));
		assertThat(sentButPrunes()).as("nothing the page loaded changed yet").isEmpty();
		followInApp();
		this.pipeline.accept(changes(modified("App.tsx")));
		assertThat(sentButPrunes()).singleElement().satisfies(RenamedModulePipelineTests::isHotUpdateOfApp);
	}

	@Test
	void importerReadBeforeItsEditReportsTheBrokenImportUntilItFollows() throws IOException {
		loadPage();
		rename();
		this.pipeline.accept(changes(deleted("Counter.tsx"), created("Tally.tsx")));
		assertThat(this.sent).singleElement()
			.isInstanceOfSatisfying(HmrMessage.CompileError.class,
					(error) -> assertThat(error.message()).contains("./Counter"));
		followInApp();
		this.pipeline.accept(changes(modified("App.tsx")));
		assertThat(sentButPrunes()).hasSize(2).last().satisfies(RenamedModulePipelineTests::isHotUpdateOfApp);
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void importerEditedBeforeTheRenameIsUpdatedOnceTheRenamedModuleExists() throws IOException {
		loadPage();
		followInApp();
		this.pipeline.accept(changes(modified("App.tsx")));
		assertThat(this.sent).singleElement().isInstanceOf(HmrMessage.CompileError.class);
		rename();
		this.pipeline.accept(changes(deleted("Counter.tsx"), created("Tally.tsx")));
		assertThat(sentButPrunes()).hasSize(2).last().satisfies(RenamedModulePipelineTests::isHotUpdateOfApp);
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void importerEditedBeforeTheRenameAndEmptiedMidSaveWhenItIsReportedKeepsItsProblemUntilWritten()
			throws IOException {
		loadPage();
		followInApp();
		this.pipeline.accept(changes(modified("App.tsx")));
		HmrMessage problem = this.sent.get(0);
		rename();
		Files.write(this.root.resolve("App.tsx"), new byte[0]);
		this.pipeline.accept(changes(deleted("Counter.tsx"), created("Tally.tsx")));
		assertThat(sentButPrunes()).as("no update clears the problem of a module not read yet")
			.containsExactly(problem);
		assertThat(this.pipeline.greeting()).containsExactly(problem);
		followInApp();
		this.pipeline.accept(changes(modified("App.tsx")));
		assertThat(sentButPrunes()).hasSize(2).last().satisfies(RenamedModulePipelineTests::isHotUpdateOfApp);
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	private String app = "";

	private void loadPage() throws IOException {
		this.app = Files.readString(this.root.resolve("App.tsx"));
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
	}

	private void rename() throws IOException {
		Files.move(this.root.resolve("Counter.tsx"), this.root.resolve("Tally.tsx"), StandardCopyOption.ATOMIC_MOVE);
	}

	private void followInApp() throws IOException {
		assertThat(this.app).contains("import Counter from './Counter';");
		Files.writeString(this.root.resolve("App.tsx"),
				this.app.replace("import Counter from './Counter';", "import Counter from './Tally';"));
	}

	private List<HmrMessage> sentButPrunes() {
		return this.sent.stream().filter((message) -> !(message instanceof HmrMessage.Prune)).toList();
	}

	private static void isHotUpdateOfApp(HmrMessage message) {
		assertThat(message).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.updates()).extracting(ModuleUpdate::path)
					.containsExactly("/frontend/App.tsx"));
	}

	private FileChange deleted(String path) {
		return new FileChange(this.root.resolve(path), Kind.DELETED);
	}

	private FileChange created(String path) {
		return new FileChange(this.root.resolve(path), Kind.CREATED);
	}

	private FileChange modified(String path) {
		return new FileChange(this.root.resolve(path), Kind.MODIFIED);
	}

	private ChangeSet changes(FileChange... changes) {
		return new ChangeSet(List.of(changes), System.nanoTime(), System.currentTimeMillis());
	}

}

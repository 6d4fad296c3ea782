package io.velocity.hmr.update;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.watch.FileChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline from changed files to messages, over a real source tree, compiler and
 * graph, with the page's module loads simulated as the module handler records them.
 */
class HotUpdatePipelineTests extends PipelineTestSupport {

	@Test
	void changeToAComponentModuleIsAcceptedByItselfWithItsCodeInline() throws IOException {
		loadPage();
		edit("Counter.tsx", "'click'", "'tap'");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/Counter.tsx");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/Counter.tsx");
			assertThat(moduleUpdate.timestamp()).isEqualTo(update.timestamp());
			assertThat(moduleUpdate.code()).contains("'tap'")
				.contains("import.meta.hot.accept(() => __velocity_swapped(\"/frontend/Counter.tsx\"))");
		});
		assertThat(update.stages()).containsKeys("quiet", "compile", "graph", "total");
	}

	@Test
	void changeToAUtilityCascadesToItsComponentWhichImportsTheNewVersion() throws IOException {
		loadPage();
		edit("utils.ts", "'s'", "'es'");
		HmrMessage.Update update = singleUpdate();
		String stamped = "/frontend/utils.ts?t=" + update.timestamp();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/Counter.tsx");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/Counter.tsx");
			assertThat(moduleUpdate.code()).contains("\"" + stamped + "\"");
			assertThat(moduleUpdate.imports()).contains(stamped, "/__velocity/runtime.js");
		});
		assertThat(served("Counter.tsx").code()).as("a page loaded now gets the new version too").contains(stamped);
	}

	@Test
	void changeToAUtilityCarriesItsCodeInlineSoTheComponentsImportNeedsNoRequest() throws IOException {
		loadPage();
		edit("utils.ts", "'s'", "'es'");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.modules()).singleElement().satisfies((module) -> {
			assertThat(module.path()).isEqualTo("/frontend/utils.ts");
			assertThat(module.code()).contains("'es'");
			assertThat(module.imports()).isEqualTo(served("utils.ts").writtenImportUrls());
		});
	}

	@Test
	void changeToAComponentCarriesNoOtherModule() throws IOException {
		loadPage();
		edit("Counter.tsx", "'click'", "'tap'");
		assertThat(singleUpdate().modules()).isEmpty();
	}

	@Test
	void changeToTheEntryModuleReloadsNamingIt() throws IOException {
		loadPage();
		edit("main.tsx", "document.body", "document.documentElement");
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.FullReload.class, (reload) -> {
			assertThat(reload.path()).isEqualTo("/frontend/main.tsx");
			assertThat(reload.reason()).startsWith("/frontend/main.tsx has top-level side effects")
				.contains("is loaded by the page and does not accept hot updates");
		});
	}

	@Test
	void moduleNoPageLoadedIsIgnored() throws IOException {
		edit("utils.ts", "'s'", "'es'");
		assertThat(this.sent).isEmpty();
	}

	@Test
	void syntaxErrorIsSentWithItsPlaceAndShownToClientsThatConnectLater() throws IOException {
		loadPage();
		edit("Counter.tsx", "</button>", "</buton>");
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> {
			assertThat(error.file()).isEqualTo("Counter.tsx");
			assertThat(error.line()).isEqualTo(6);
			assertThat(error.message()).doesNotContain("panicked").doesNotContain("Exception");
			assertThat(error.frame()).contains("</buton>");
		});
		assertThat(this.pipeline.greeting()).containsExactlyElementsOf(this.sent);
	}

	@Test
	void fixingTheErrorClearsItAndSendsTheUpdate() throws IOException {
		loadPage();
		edit("Counter.tsx", "</button>", "</buton>");
		edit("Counter.tsx", "</buton>", "</button>");
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(1)).isInstanceOf(HmrMessage.Update.class);
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void deletingAnImportedModuleReportsTheImportThatBroke() throws IOException {
		loadPage();
		Files.delete(this.root.resolve("utils.ts"));
		this.pipeline.accept(changes(Kind.DELETED, "utils.ts"));
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> {
			assertThat(error.file()).isEqualTo("Counter.tsx");
			assertThat(error.message()).contains("./utils");
		});
	}

	@Test
	void restoringADeletedModuleRecovers() throws IOException {
		loadPage();
		deleteAndCreateAgain("utils.ts");
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(1)).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.updates()).extracting(ModuleUpdate::path)
					.containsExactly("/frontend/Counter.tsx"));
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void moduleReportedCreatedAfterThePageLoadedItAsItIsChangesNothing() {
		// The files of a project written just before a page loaded them: the watcher's
		// report arrives after the page got them.
		loadServedPage();
		this.pipeline.accept(changes(Kind.CREATED, "main.tsx"));
		this.pipeline.accept(changes(Kind.MODIFIED, "Counter.tsx"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void saveThatRestoresWhatThePageHasAfterABrokenEditOnlyClearsTheProblem() throws IOException {
		loadServedPage();
		edit("main.tsx", "document.body", "document.body(");
		assertThat(this.sent).singleElement().isInstanceOf(HmrMessage.CompileError.class);
		edit("main.tsx", "document.body(", "document.body");
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(1)).as("no reload: the page has this entry module")
			.isInstanceOfSatisfying(HmrMessage.Update.class, (update) -> assertThat(update.updates()).isEmpty());
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	@Test
	void moduleDeletedAndCreatedAgainWithTheSameSourceIsUpdated() throws IOException {
		loadServedPage();
		deleteAndCreateAgain("Counter.tsx");
		assertThat(this.sent).last()
			.isInstanceOfSatisfying(HmrMessage.Update.class,
					(update) -> assertThat(update.updates()).extracting(ModuleUpdate::path)
						.contains("/frontend/Counter.tsx"));
	}

	@Test
	void invalidatedModuleIsUpdatedThroughItsImporters() {
		loadPage();
		this.pipeline.invalidate("/frontend/Counter.tsx?t=5", "cannot apply");
		assertThat(singleUpdate().updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.path()).isEqualTo("/frontend/App.tsx"));
	}

	@Test
	void invalidatedEntryModuleReloads() {
		loadPage();
		this.pipeline.invalidate("/frontend/main.tsx", null);
		assertThat(this.sent).singleElement().isInstanceOf(HmrMessage.FullReload.class);
	}

	@Test
	void moduleNoLongerImportedIsPrunedAfterTheUpdate() throws IOException {
		loadPage();
		edit("Counter.tsx", "import { plural } from './utils';",
				"const plural = (n: number, noun: string) => n + ' ' + noun;");
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(0)).isInstanceOf(HmrMessage.Update.class);
		assertThat(this.sent.get(1)).isEqualTo(new HmrMessage.Prune(List.of("/frontend/utils.ts")));
	}

	@Test
	void aLargeModuleGoesByReferenceForTheBrowserToFetch() throws IOException {
		loadPage();
		String large = "x".repeat(400 * 1024);
		edit("Counter.tsx", "'click'", "'" + large + "'");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/Counter.tsx");
			assertThat(moduleUpdate.code()).as("fetched as /frontend/Counter.tsx?t=%d", update.timestamp()).isNull();
		});
		assertThat(served("Counter.tsx").code()).contains(large);
	}

	@Test
	void aLargeDependencyGoesByReferenceWhileItsImporterStaysInline() throws IOException {
		loadPage();
		edit("utils.ts", "'s'", "'" + "s".repeat(400 * 1024) + "'");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.modules()).singleElement().satisfies((module) -> {
			assertThat(module.path()).isEqualTo("/frontend/utils.ts");
			assertThat(module.code()).isNull();
		});
		assertThat(update.updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.code()).contains("/frontend/utils.ts?t="));
	}

	private void loadPage() {
		load("main.tsx", "App.tsx", "Counter.tsx", "utils.ts");
	}

	private void deleteAndCreateAgain(String path) throws IOException {
		String source = Files.readString(this.root.resolve(path));
		Files.delete(this.root.resolve(path));
		this.pipeline.accept(changes(Kind.DELETED, path));
		Files.writeString(this.root.resolve(path), source);
		this.pipeline.accept(changes(Kind.CREATED, path));
	}

	/**
	 * Load the page as the module handler serves it: each module's code is written.
	 */
	private void loadServedPage() {
		for (String path : List.of("main.tsx", "App.tsx", "Counter.tsx", "utils.ts")) {
			this.graph.record(served(path).module(), this.urls.prefix());
		}
	}

}

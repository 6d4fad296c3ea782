package io.velocity.hmr.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;
import io.velocity.hmr.watch.FileChange.Kind;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline for changed style sheets: {@code app.css} is imported by {@code App.tsx},
 * {@code styles.css} only linked by the page (which the server cannot see).
 */
class StyleSheetPipelineTests {

	@TempDir
	Path root;

	final List<HmrMessage> sent = new ArrayList<>();

	final ModuleUrls urls = new ModuleUrls("/frontend");

	final ModuleGraph graph = new ModuleGraph();

	CompileService compileService;

	HotUpdatePipeline pipeline;

	@BeforeEach
	void createPipeline() throws IOException {
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/server/fixtures").getFile().toPath(),
				this.root);
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		this.compileService = new CompileService(sources,
				new ModuleCompiler(sources, this.urls, this.graph::stampedUrl, true));
		this.pipeline = new HotUpdatePipeline(new ChangeClassifier(sources, this.urls, this.graph),
				this.compileService, this.graph, this.urls, this.sent::add);
		for (String path : List.of("main.tsx", "App.tsx", "app.css", "Counter.tsx", "utils.ts")) {
			this.graph.record(this.compileService.compile(path).orElseThrow(), this.urls.prefix());
		}
	}

	@Test
	void importedStyleSheetIsAModuleOfTheGraph() {
		assertThat(this.graph.importers("/frontend/app.css")).containsExactly("/frontend/App.tsx");
	}

	@Test
	void changeToALinkedStyleSheetIsSentForClientsToFetch() throws IOException {
		edit("styles.css", "margin: 0", "margin: 1rem");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).singleElement().satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.CSS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/styles.css");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/styles.css");
			assertThat(moduleUpdate.timestamp()).isEqualTo(update.timestamp());
			assertThat(moduleUpdate.code()).isNull();
		});
	}

	@Test
	void changeToAnImportedStyleSheetUpdatesItsModuleInPlaceAndAnyLinkToIt() throws IOException {
		edit("app.css", "teal", "tomato");
		HmrMessage.Update update = singleUpdate();
		assertThat(update.updates()).hasSize(2);
		assertThat(update.updates().get(0)).satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.JS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.acceptedPath()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.code()).contains("tomato").contains("import.meta.hot.accept()");
			assertThat(moduleUpdate.imports()).containsExactly("/__velocity/hmr-client.js");
		});
		assertThat(update.updates().get(1)).satisfies((moduleUpdate) -> {
			assertThat(moduleUpdate.type()).isEqualTo(ModuleUpdate.Type.CSS);
			assertThat(moduleUpdate.path()).isEqualTo("/frontend/app.css");
			assertThat(moduleUpdate.code()).isNull();
		});
	}

	@Test
	void deletedLinkedStyleSheetSendsNothingSoPagesKeepTheirStyles() throws IOException {
		Files.delete(this.root.resolve("styles.css"));
		this.pipeline.accept(changes(Kind.DELETED, "styles.css"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void deletedImportedStyleSheetReportsTheImportThatBroke() throws IOException {
		Files.delete(this.root.resolve("app.css"));
		this.pipeline.accept(changes(Kind.DELETED, "app.css"));
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> {
			assertThat(error.file()).isEqualTo("App.tsx");
			assertThat(error.message()).contains("./app.css");
		});
	}

	@Test
	void createdStyleSheetIsSentForPagesThatLinkedItBeforeItExisted() throws IOException {
		Files.writeString(this.root.resolve("late.css"), "p { color: red; }\n");
		this.pipeline.accept(changes(Kind.CREATED, "late.css"));
		assertThat(singleUpdate().updates()).singleElement()
			.satisfies((moduleUpdate) -> assertThat(moduleUpdate.path()).isEqualTo("/frontend/late.css"));
	}

	@Test
	void styleSheetChangeWhileAModuleDoesNotCompileIsSentAndTheProblemStillShown() throws IOException {
		edit("Counter.tsx", "</button>", "</buton>");
		edit("styles.css", "margin: 0", "margin: 1rem");
		assertThat(this.sent).hasSize(3);
		assertThat(this.sent.get(0)).isInstanceOf(HmrMessage.CompileError.class);
		assertThat(this.sent.get(1)).isInstanceOfSatisfying(HmrMessage.Update.class,
				(update) -> assertThat(update.updates()).extracting(ModuleUpdate::type)
					.containsExactly(ModuleUpdate.Type.CSS));
		assertThat(this.sent.get(2)).as("the problem stands").isEqualTo(this.sent.get(0));
		assertThat(this.pipeline.greeting()).containsExactly(this.sent.get(0));
	}

	private HmrMessage.Update singleUpdate() {
		assertThat(this.sent).singleElement().isInstanceOf(HmrMessage.Update.class);
		return (HmrMessage.Update) this.sent.get(0);
	}

	private void edit(String path, String from, String to) throws IOException {
		Path file = this.root.resolve(path);
		String content = Files.readString(file);
		assertThat(content).contains(from);
		Files.writeString(file, content.replace(from, to));
		this.pipeline.accept(changes(Kind.MODIFIED, path));
	}

	private ChangeSet changes(Kind kind, String path) {
		return new ChangeSet(List.of(new FileChange(this.root.resolve(path), kind)), System.nanoTime(),
				System.currentTimeMillis());
	}

}

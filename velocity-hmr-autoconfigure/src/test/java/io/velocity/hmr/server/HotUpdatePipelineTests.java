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
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;
import io.velocity.hmr.watch.FileChange.Kind;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline from changed files to messages, over a real source tree, compiler and
 * graph, with the page's module loads simulated as the module handler records them.
 */
class HotUpdatePipelineTests {

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
		this.compileService = new CompileService(sources, new ModuleCompiler(sources, this.urls));
		this.pipeline = new HotUpdatePipeline(new ChangeClassifier(sources, this.urls, this.graph),
				this.compileService, this.graph, this.urls, this.sent::add);
	}

	@Test
	void changeWithNoAcceptingModuleOnItsPathReloadsNamingTheEntry() throws IOException {
		loadPage();
		edit("utils.ts", "'s'", "'es'");
		assertThat(this.sent).singleElement().isInstanceOfSatisfying(HmrMessage.FullReload.class, (reload) -> {
			assertThat(reload.path()).isEqualTo("/frontend/utils.ts");
			assertThat(reload.reason()).contains("/frontend/main.tsx is loaded by the page")
				.contains("/frontend/utils.ts → /frontend/Counter.tsx → /frontend/App.tsx → /frontend/main.tsx");
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
		assertThat(this.sent.get(1)).isInstanceOf(HmrMessage.FullReload.class);
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
		String utils = Files.readString(this.root.resolve("utils.ts"));
		Files.delete(this.root.resolve("utils.ts"));
		this.pipeline.accept(changes(Kind.DELETED, "utils.ts"));
		Files.writeString(this.root.resolve("utils.ts"), utils);
		this.pipeline.accept(changes(Kind.CREATED, "utils.ts"));
		assertThat(this.sent).hasSize(2);
		assertThat(this.sent.get(1)).isNotInstanceOf(HmrMessage.CompileError.class);
		assertThat(this.pipeline.greeting()).isEmpty();
	}

	private void loadPage() {
		for (String path : List.of("main.tsx", "App.tsx", "Counter.tsx", "utils.ts")) {
			this.graph.record(this.compileService.compile(path).orElseThrow(), this.urls.prefix());
		}
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

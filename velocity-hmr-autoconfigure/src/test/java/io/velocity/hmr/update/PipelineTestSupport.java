package io.velocity.hmr.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
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
 * The update pipeline over a real copy of the fixture tree, compiler (in hot mode) and
 * graph, with the page's module loads simulated as the module handler records them, and
 * the messages it broadcasts collected.
 */
abstract class PipelineTestSupport {

	@TempDir
	Path root;

	final List<HmrMessage> sent = new ArrayList<>();

	final ModuleUrls urls = new ModuleUrls("/frontend");

	final ModuleGraph graph = new ModuleGraph();

	CompileService compileService;

	HotUpdatePipeline pipeline;

	@BeforeEach
	void createPipeline() throws IOException {
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/update/fixtures").getFile().toPath(),
				this.root);
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		this.compileService = new CompileService(sources, new ModuleCompiler(sources, this.urls, CompileMode.HOT));
		this.pipeline = new HotUpdatePipeline(sources, this.urls, this.compileService, this.graph, this.sent::add,
				true);
	}

	/**
	 * Load modules as a page would: each is served, so recorded in the graph.
	 */
	void load(String... paths) {
		for (String path : paths) {
			this.graph.record(this.compileService.analyze(path).orElseThrow(), this.urls.prefix());
		}
	}

	/**
	 * The module's code as a page loading it now gets it.
	 */
	CompiledModule served(String path) {
		return this.compileService.compile(path, this.graph.versions()).orElseThrow();
	}

	void edit(String path, String from, String to) throws IOException {
		Path file = this.root.resolve(path);
		String content = Files.readString(file);
		assertThat(content).contains(from);
		Files.writeString(file, content.replace(from, to));
		this.pipeline.accept(changes(Kind.MODIFIED, path));
	}

	ChangeSet changes(Kind kind, String path) {
		return new ChangeSet(List.of(new FileChange(this.root.resolve(path), kind)), System.nanoTime(),
				System.currentTimeMillis());
	}

	HmrMessage.Update singleUpdate() {
		assertThat(this.sent).singleElement().isInstanceOf(HmrMessage.Update.class);
		return (HmrMessage.Update) this.sent.get(0);
	}

}

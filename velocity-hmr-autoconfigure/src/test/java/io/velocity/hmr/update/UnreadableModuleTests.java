package io.velocity.hmr.update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ObservedModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;
import io.velocity.hmr.watch.FileChange.Kind;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module that exists but cannot be read (chmod 000) is a problem shown like a syntax
 * error, never a stack trace, and the next save of it, readable again, updates the pages.
 * Unreadability is played by the sources: tests may run as root, who reads anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableModuleTests {

	@TempDir
	Path root;

	@Test
	void anUnreadableModuleIsAProblemAndItsNextSaveUpdates(CapturedOutput output) throws IOException {
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/update/fixtures").getFile().toPath(),
				this.root);
		Set<String> unreadable = ConcurrentHashMap.newKeySet();
		ModuleSources disk = new FileSystemModuleSources(List.of(this.root));
		ModuleSources sources = ObservedModuleSources.beforeEachFind(disk, (path) -> {
			if (unreadable.contains(path)) {
				throw new UncheckedIOException(new AccessDeniedException(path));
			}
		});
		ModuleUrls urls = new ModuleUrls("/frontend");
		ModuleGraph graph = new ModuleGraph();
		CompileService compileService = new CompileService(sources, new ModuleCompiler(sources, urls, CompileMode.HOT));
		List<HmrMessage> sent = new ArrayList<>();
		HotUpdatePipeline pipeline = new HotUpdatePipeline(sources, urls, compileService, graph, sent::add, false);
		for (String path : List.of("main.tsx", "App.tsx", "Counter.tsx", "utils.ts")) {
			graph.record(compileService.analyze(path).orElseThrow(), urls.prefix());
		}
		unreadable.add("Counter.tsx");
		pipeline.accept(changes(Kind.MODIFIED, "Counter.tsx"));
		assertThat(sent).singleElement()
			.isInstanceOfSatisfying(HmrMessage.CompileError.class, (error) -> assertThat(error.message())
				.isEqualTo("Counter.tsx cannot be read (permission denied); check that the file is readable"));
		assertThat(output).doesNotContain("\tat io.velocity");
		unreadable.clear();
		pipeline.accept(changes(Kind.MODIFIED, "Counter.tsx"));
		assertThat(sent).hasSize(2).last().isInstanceOf(HmrMessage.Update.class);
	}

	private ChangeSet changes(Kind kind, String path) {
		return new ChangeSet(List.of(new FileChange(this.root.resolve(path), kind)), System.nanoTime(),
				System.currentTimeMillis());
	}

}

package io.velocity.hmr.web;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModulePreloads}.
 */
class ModulePreloadsTests {

	private static final Path FIXTURES = Path.of("src/test/resources/io/velocity/hmr/web/fixtures/preload");

	private final ModulePreloads preloads = preloads(ModulePreloads.DEFAULT_LIMIT);

	@Test
	void listsTheStaticImportGraphOfAModuleScriptWithoutTheEntryOrDynamicImports() {
		String html = "<html><head><script type=\"module\" src=\"/frontend/main.tsx\"></script></head></html>";
		assertThat(this.preloads.urls(html)).containsExactly("/__velocity/runtime.js", "/frontend/App.tsx",
				"/frontend/Header.tsx", "/__velocity/web.js", "/frontend/format.ts");
	}

	@Test
	void ignoresClassicScriptsAndScriptsOutsideTheModulePrefix() {
		String html = "<script src=\"/frontend/main.tsx\"></script><script type=\"module\" src=\"/js/app.js\"></script>";
		assertThat(this.preloads.urls(html)).isEmpty();
	}

	@Test
	void writesOneLinkPerModuleWithTheNonce() {
		String html = "<script type='module' src='/frontend/Header.tsx?v=1'></script>";
		assertThat(this.preloads.tags(html, "abc"))
			.isEqualTo("<link rel=\"modulepreload\" href=\"/frontend/format.ts\" nonce=\"abc\">"
					+ "<link rel=\"modulepreload\" href=\"/__velocity/web.js\" nonce=\"abc\">");
	}

	@Test
	void stopsAtTheLimitNearestModulesFirst() {
		String html = "<script type=\"module\" src=\"/frontend/main.tsx\"></script>";
		assertThat(preloads(2).urls(html)).containsExactly("/__velocity/runtime.js", "/frontend/App.tsx");
	}

	@Test
	void stopsBeforeALevelWiderThanTheWidestHinted() {
		String html = "<script type=\"module\" src=\"/frontend/main.tsx\"></script>";
		// main.tsx imports two modules, App.tsx two more, Header.tsx one.
		assertThat(preloads(ModulePreloads.DEFAULT_LIMIT, 1).urls(html)).isEmpty();
		assertThat(preloads(ModulePreloads.DEFAULT_LIMIT, 2).urls(html)).containsExactly("/__velocity/runtime.js",
				"/frontend/App.tsx", "/frontend/Header.tsx", "/__velocity/web.js", "/frontend/format.ts");
	}

	@Test
	void skipsAModuleThatDoesNotExist() {
		assertThat(this.preloads.urls("<script type=\"module\" src=\"/frontend/missing.tsx\"></script>"))
			.isEqualTo(List.of());
	}

	private static ModulePreloads preloads(int limit) {
		return preloads(limit, ModulePreloads.DEFAULT_MAX_LEVEL_WIDTH);
	}

	private static ModulePreloads preloads(int limit, int maxLevelWidth) {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(FIXTURES));
		ModuleUrls urls = new ModuleUrls("/frontend");
		return new ModulePreloads(new CompileService(sources, new ModuleCompiler(sources, urls)), urls,
				new ModuleGraph(), limit, maxLevelWidth);
	}

}

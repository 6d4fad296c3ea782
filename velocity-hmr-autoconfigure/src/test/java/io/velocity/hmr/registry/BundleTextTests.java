package io.velocity.hmr.registry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BundleText}.
 */
class BundleTextTests {

	private final RegistryWriter writer = new RegistryWriter();

	@Test
	void importsNativeModulesRegistersThemDefinesModulesAndRequiresTheEntry() {
		PageGraph graph = graph();
		String code = BundleText.code(graph, true, "/map");
		assertThat(code)
			.startsWith("import { registry as __velocity_hmr__ } from \"/__velocity/module-registry.js\";\n"
					+ "import * as __vn0 from \"/__velocity/runtime.js\";\n"
					+ "__velocity_hmr__.registerNative(\"/__velocity/runtime.js\", __vn0);\n"
					+ "__velocity_hmr__.define(\"/frontend/a.ts\"")
			.endsWith("__velocity_hmr__.require(\"/frontend/main.ts\");\n//# sourceMappingURL=/map\n");
		assertThat(BundleText.code(graph, false, "/map")).doesNotContain("require(\"/frontend/main.ts\")");
	}

	@Test
	void indexMapHasASectionPerModuleAtTheLineAndColumnWhereItsCodeStarts() {
		PageGraph graph = graph();
		String[] lines = BundleText.code(graph, true, "/map").split("\n");
		RegistryModule main = graph.modules().get(1).registry();
		assertThat(lines[5]).startsWith("__velocity_hmr__.define(\"/frontend/main.ts\"");
		assertThat(lines[5].substring(main.firstLineShift())).isEmpty();
		assertThat(lines[6]).isEqualTo("console.log(__vi0.a);");
		assertThat(BundleText.sourceMap(graph)).isEqualTo("{\"version\":3,\"sections\":["
				+ "{\"offset\":{\"line\":3,\"column\":" + graph.modules().get(0).registry().firstLineShift()
				+ "},\"map\":{\"a\":1}},{\"offset\":{\"line\":5,\"column\":" + main.firstLineShift()
				+ "},\"map\":{\"main\":1}}]}");
	}

	@Test
	void fallbackOfADefinitionImportsTheEntryNativelyAndRegistersIt() {
		assertThat(BundleText.fallback("/frontend/main.ts", false, "top-level await"))
			.contains("import * as entry from \"/frontend/main.ts\";")
			.contains("__velocity_hmr__.registerNative(\"/frontend/main.ts\", entry);");
	}

	@Test
	void fallbackOfANewVersionIsRefusedWithTheReason() {
		// Imported natively, it would import a second instance of each module it imports.
		assertThat(BundleText.fallback("/frontend/a.ts?t=12", false, "top-level await in /frontend/a.ts?t=12"))
			.contains("__velocity_hmr__.refuse(\"/frontend/a.ts?t=12\", \"top-level await in /frontend/a.ts?t=12\");")
			.doesNotContain("import * as");
	}

	@Test
	void fallbackOfAPageImportsTheEntryNativelyAndLeavesTheRegistryEmpty() {
		// A registry in use would define a second instance of the page's modules for an
		// update.
		assertThat(BundleText.fallback("/frontend/main.ts", true, "top-level await"))
			.isEqualTo("import \"/frontend/main.ts\";\n");
	}

	private PageGraph graph() {
		RegistryModule a = this.writer.write("/frontend/a.ts", "export const a = 1;");
		RegistryModule main = this.writer.write("/frontend/main.ts",
				"import { a } from \"/frontend/a.ts\";\nconsole.log(a);");
		return new PageGraph("/frontend/main.ts",
				List.of(new BundledModule(a, "{\"a\":1}"), new BundledModule(main, "{\"main\":1}")),
				List.of("/__velocity/runtime.js"));
	}

}

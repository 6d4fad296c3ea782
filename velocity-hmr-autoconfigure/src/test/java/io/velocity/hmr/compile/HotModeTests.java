package io.velocity.hmr.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the code {@link ModuleCompiler} adds in hot mode.
 */
class HotModeTests {

	private static final String CLIENT_IMPORT = "import { createHotContext as __velocity_createHotContext, moduleEvaluated as __velocity_moduleEvaluated } from \"/__velocity/hmr-client.js\";\n";

	private static final String COMPONENTS_IMPORT = "import { registerComponent as __velocity_registerComponent, swapped as __velocity_swapped } from \"/__velocity/hot-components.js\";\n";

	private final ModuleCompiler compiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS,
			CompileMode.HOT);

	@Test
	void addsThePreludeRegistrationsAndASelfAcceptToAPureComponentModule() {
		CompiledModule module = compile("hot/Components.tsx");
		assertThat(module.code()).startsWith(
				"import.meta.hot = __velocity_createHotContext(\"/frontend/hot/Components.tsx\", import.meta);const _tmpl$1 = /*#__PURE__*/_$template(\"<h1></h1>\"), ");
		assertThat(module.code()).contains("""
				from "/__velocity/web.js";
				__velocity_registerComponent("/frontend/hot/Components.tsx", "Header", Header);
				__velocity_registerComponent("/frontend/hot/Components.tsx", "Footer", Footer);
				__velocity_registerComponent("/frontend/hot/Components.tsx", "Card", Card);
				__velocity_registerComponent("/frontend/hot/Components.tsx", "Page", Page);
				import.meta.hot.accept(() => __velocity_swapped("/frontend/hot/Components.tsx"));
				__velocity_moduleEvaluated("/frontend/hot/Components.tsx");
				""" + CLIENT_IMPORT + COMPONENTS_IMPORT + "//# sourceMappingURL=");
		assertThat(module.hot().selfAccepting()).isTrue();
	}

	@Test
	void doesNotRecordTheAddedImportsAsModuleImportsButListsTheirWrittenUrls() {
		CompiledModule module = compile("hot/Components.tsx");
		assertThat(module.imports()).extracting(ModuleImport::url)
			.containsExactly("/__velocity/runtime.js", "/__velocity/web.js");
		assertThat(module.writtenImportUrls()).containsExactly("/__velocity/runtime.js", "/__velocity/web.js",
				"/__velocity/hmr-client.js", "/__velocity/hot-components.js");
	}

	@Test
	void doesNotAcceptAComponentModuleWithAnUndisposedTopLevelInterval() {
		CompiledModule module = compile("hot/Ticker.tsx");
		assertThat(module.code())
			.contains("__velocity_registerComponent(\"/frontend/hot/Ticker.tsx\", \"Clock\", Clock);\n"
					+ "__velocity_moduleEvaluated(\"/frontend/hot/Ticker.tsx\");\n" + CLIENT_IMPORT)
			.doesNotContain("import.meta.hot.accept()");
		assertThat(module.hot().selfAccepting()).isFalse();
	}

	@Test
	void acceptsAComponentModuleWhoseTopLevelIntervalIsDisposed() {
		CompiledModule module = compile("hot/DisposingTicker.tsx");
		assertThat(module.code()).contains("__velocity_registerComponent(\"/frontend/hot/DisposingTicker.tsx\", "
				+ "\"Clock\", Clock);\nimport.meta.hot.accept(() => __velocity_swapped(\"/frontend/hot/DisposingTicker.tsx\"));\n"
				+ "__velocity_moduleEvaluated(\"/frontend/hot/DisposingTicker.tsx\");\n" + CLIENT_IMPORT);
		assertThat(module.hot().selfAccepting()).isTrue();
	}

	@Test
	void registersButDoesNotAcceptAComponentModuleThatAlsoExportsAValue() {
		CompiledModule module = compile("hot/Mixed.tsx");
		assertThat(module.code())
			.startsWith("import.meta.hot = __velocity_createHotContext(\"/frontend/hot/Mixed.tsx\", import.meta);")
			.contains("__velocity_registerComponent(\"/frontend/hot/Mixed.tsx\", \"Badge\", Badge);\n"
					+ "__velocity_moduleEvaluated(\"/frontend/hot/Mixed.tsx\");\n" + CLIENT_IMPORT)
			.doesNotContain("import.meta.hot.accept()");
		assertThat(module.hot().selfAccepting()).isFalse();
	}

	@Test
	void addsOnlyTheHotContextToAModuleThatUsesHotWithoutComponents() {
		CompiledModule module = compile("hot/self-accept.ts");
		assertThat(module.code()).startsWith(
				"import.meta.hot = __velocity_createHotContext(\"/frontend/hot/self-accept.ts\", import.meta);export let count = 0;\n")
			.contains("}\n__velocity_moduleEvaluated(\"/frontend/hot/self-accept.ts\");\n" + CLIENT_IMPORT
					+ "//# sourceMappingURL=")
			.doesNotContain("__velocity_registerComponent");
		assertThat(module.writtenImportUrls()).containsExactly("/__velocity/hmr-client.js");
	}

	@Test
	void runsEveryModuleInItsHotContextAndModuleScope() {
		String hot = compile("hot/Anonymous.tsx").code();
		String cold = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS)
			.compile(CompileFixtures.source("hot/Anonymous.tsx"))
			.code();
		String url = "\"/frontend/hot/Anonymous.tsx\"";
		assertThat(hot)
			.startsWith("import.meta.hot = __velocity_createHotContext(" + url + ", import.meta);"
					+ cold.substring(0, cold.indexOf('\n')))
			.contains("__velocity_moduleEvaluated(" + url + ");\n" + CLIENT_IMPORT);
	}

	@Test
	void givesAModuleThatAwaitsAtItsTopLevelNoModuleScope() {
		CompiledModule module = compile("hot/effects/awaited.ts");
		assertThat(module.code()).startsWith(
				"import.meta.hot = __velocity_createHotContext(\"/frontend/hot/effects/awaited.ts\", import.meta, false);")
			.contains("import { createHotContext as __velocity_createHotContext } from \"/__velocity/hmr-client.js\";")
			.doesNotContain("__velocity_moduleEvaluated");
		assertThat(module.hot().topLevelAwait()).isTrue();
		assertThat(compile("hot/effects/signals.ts").hot().topLevelAwait()).isFalse();
	}

	@Test
	void writesTheResolvedUrlsOverAcceptedDependencies() {
		assertThat(compile("hot/accept-dep.ts").code())
			.contains("import.meta.hot.accept(\"/frontend/utils.ts\", (utils)=>");
		assertThat(compile("hot/accept-deps.ts").code())
			.contains("import.meta.hot?.accept([\n  \"/frontend/utils.ts\",\n  \"/frontend/hot/accept-dep.ts\"\n]");
	}

	@Test
	void writesImportsWithTheirVersionsButNeitherAcceptedDependenciesNorTheModuleId() {
		ModuleVersions versions = ModuleVersions.NONE.with(List.of("/frontend/utils.ts", "/frontend/hot/accept-dep.ts"),
				7);
		CompiledModule module = this.compiler.compile(CompileFixtures.source("hot/accept-dep.ts"), versions);
		assertThat(module.code())
			.startsWith("import.meta.hot = __velocity_createHotContext(\"/frontend/hot/accept-dep.ts\", import.meta);")
			.contains("import { format } from \"/frontend/utils.ts?t=7\";")
			.contains("import.meta.hot.accept(\"/frontend/utils.ts\", (utils)=>")
			.contains("from \"/__velocity/hmr-client.js\";");
		assertThat(module.writtenImportUrls()).containsExactly("/frontend/utils.ts?t=7", "/__velocity/hmr-client.js");
		assertThat(module.imports()).extracting(ModuleImport::url).containsExactly("/frontend/utils.ts");
	}

	@Test
	void listsTheRuntimeAndClientModulesAmongTheWrittenImportsUnversioned() {
		CompiledModule module = compile("hot/Components.tsx");
		assertThat(module.writtenImportUrls()).containsExactly("/__velocity/runtime.js", "/__velocity/web.js",
				"/__velocity/hmr-client.js", "/__velocity/hot-components.js");
	}

	@Test
	void keepsTheSourceMapExactAfterThePreludeAndInTheBody() {
		String code = compile("hot/mapped.ts").code();
		List<String> generated = code.lines().toList();
		List<String> original = CompileFixtures.text("hot/mapped.ts").lines().toList();
		assertThat(generated.get(0)).startsWith("import.meta.hot = __velocity_createHotContext(");
		assertOriginal(code, original, 0, generated.get(0).indexOf("answer"), 0, "answer");
		int accept = CompileFixtures.indexOfLineContaining(generated, "import.meta.hot?.accept");
		assertOriginal(code, original, accept, 0, 0, "import.meta.hot?.accept");
		int body = CompileFixtures.indexOfLineContaining(generated, "toUpperCase");
		assertOriginal(code, original, body, generated.get(body).indexOf("value.toUpperCase"), 2, "value.toUpperCase");
	}

	@Test
	void keepsTheSourceMapExactOnAFirstLineWithBothThePreludeAndARewrittenImport() {
		String code = this.compiler
			.compile(CompileFixtures.source("hot/accept-dep.ts"),
					ModuleVersions.NONE.with(List.of("/frontend/utils.ts"), 1234567))
			.code();
		List<String> generated = code.lines().toList();
		List<String> original = CompileFixtures.text("hot/accept-dep.ts").lines().toList();
		assertThat(generated.get(0)).contains("__velocity_createHotContext(")
			.contains("\"/frontend/utils.ts?t=1234567\";");
		assertOriginal(code, original, 0, generated.get(0).indexOf("format"), 0, "format");
		assertOriginal(code, original, 0, generated.get(0).indexOf(";import") + 1, 0, "import");
		int accept = CompileFixtures.indexOfLineContaining(generated, "import.meta.hot.accept(");
		assertOriginal(code, original, accept, generated.get(accept).indexOf("(utils)"), 5, "(utils)");
	}

	@Test
	void keepsTheSourceMapExactInAComponentModule() {
		String code = compile("hot/Components.tsx").code();
		List<String> generated = code.lines().toList();
		List<String> original = CompileFixtures.text("hot/Components.tsx").lines().toList();
		int line = CompileFixtures.indexOfLineContaining(generated, "const Card = function");
		assertOriginal(code, original, line, generated.get(line).indexOf("function"), 14, "function");
	}

	@ParameterizedTest
	@ValueSource(strings = { "App.tsx", "components/Counter.tsx", "ui/index.ts", "hot/Components.tsx",
			"hot/accept-dep.ts", "hot/DisposingTicker.tsx", "hot/effects/signals.ts", "hot/mapped.ts" })
	void leavesTheCodeAsItWasOutsideHotMode(String path) throws IOException {
		Path expected = CompileFixtures.directory().resolve("hot/non-hot/" + path + ".js.txt");
		ModuleCompiler cold = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS);
		assertThat(cold.compile(CompileFixtures.source(path)).code())
			.isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
	}

	private static void assertOriginal(String code, List<String> original, int line, int column, int originalLine,
			String token) {
		int[] position = CompileFixtures.originalPosition(code, line, column);
		assertThat(position[0]).as("original line of %s", token).isEqualTo(originalLine);
		assertThat(original.get(position[0]).substring(position[1])).startsWith(token);
	}

	private CompiledModule compile(String path) {
		return this.compiler.compile(CompileFixtures.source(path));
	}

}

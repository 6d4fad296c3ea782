package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.source.ModuleSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for style sheets compiled as modules, as {@code import './x.css'} loads them.
 */
class StyleModulesTests {

	private static final String CLIENT_IMPORT = "import { createHotContext as __velocity_createHotContext, moduleEvaluated as __velocity_moduleEvaluated } from \"/__velocity/hmr-client.js\";\n";

	private final ModuleCompiler compiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS);

	private final ModuleCompiler hotCompiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS,
			CompileMode.HOT);

	@Test
	void writesStyleSheetImportsWithTheImportQuery() {
		assertThat(compile(this.compiler, "ui/Styled.tsx").imports()).extracting(ModuleImport::url)
			.containsExactly("/frontend/ui/button.css?import", "/frontend/ui/theme/colors.css?import",
					"/frontend/ui/button.css?raw", "/frontend/styles.css?import", "/__velocity/web.js");
	}

	@Test
	void injectsTheSheetIntoOneStyleElementKeyedByItsUrlAndExportsItsText() {
		CompiledModule module = compile(this.compiler, "styles.css");
		assertThat(module.url()).isEqualTo("/frontend/styles.css");
		assertThat(module.code())
			.startsWith(
					"const url = \"/frontend/styles.css\";\n" + "const css = \".app { color: rebeccapurple; }\\n\";\n")
			.contains("element.dataset.velocityCss === url")
			.contains("style.dataset.velocityCss = url;")
			.contains("document.head.append(style);")
			.contains("style.textContent = css;")
			.endsWith("export default css;\n")
			.doesNotContain("import.meta.hot");
		assertThat(module.exports()).containsExactly("default");
		assertThat(module.imports()).isEmpty();
		assertThat(module.writtenImportUrls()).isEmpty();
		assertThat(module.hot()).isEqualTo(HotFeatures.NONE);
	}

	@Test
	void makesRelativeReferencesAbsoluteAsTheInlineSheetResolvesAgainstThePage() {
		String code = compile(this.compiler, "ui/button.css").code();
		assertThat(code).contains("@import \\\"/frontend/ui/theme/colors.css\\\";")
			.contains("@import url('/frontend/styles.css');")
			.contains("url(/frontend/ui/icons/add.svg) no-repeat")
			.contains("url(\\\"/frontend/frame.png\\\") 30")
			.contains("url(#soft-edge)")
			.contains("url(/cursors/hand.cur)")
			.contains("url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)")
			.contains("content: \\\"\\\\2014 \\\\\\\"quoted\\\\\\\"\\\";");
	}

	@Test
	void acceptsItselfAndRemovesItsElementWhenPrunedInHotMode() {
		CompiledModule module = compile(this.hotCompiler, "styles.css");
		assertThat(module.code())
			.startsWith("import.meta.hot = __velocity_createHotContext(\"/frontend/styles.css\", import.meta);\n"
					+ "const url = \"/frontend/styles.css\";\n")
			.endsWith("import.meta.hot.prune(() => style.remove());\nexport default css;\n"
					+ "import.meta.hot.accept();\n__velocity_moduleEvaluated(\"/frontend/styles.css\");\n"
					+ CLIENT_IMPORT);
		assertThat(module.hot().selfAccepting()).isTrue();
		assertThat(module.hot().usesHot()).isTrue();
		assertThat(module.hot().sideEffects()).isFalse();
		assertThat(module.imports()).isEmpty();
		assertThat(module.writtenImportUrls()).containsExactly("/__velocity/hmr-client.js");
	}

	@Test
	void hashChangesWithTheSheet() {
		CompiledModule first = this.compiler.compile(sheet("a.css", ".a { color: red; }"));
		CompiledModule same = this.compiler.compile(sheet("a.css", ".a { color: red; }"));
		CompiledModule changed = this.compiler.compile(sheet("a.css", ".a { color: blue; }"));
		assertThat(same.hash()).isEqualTo(first.hash());
		assertThat(changed.hash()).isNotEqualTo(first.hash());
	}

	@Test
	void escapesTheSheetSoNoTextCanEndTheString() {
		String css = ".a::after { content: '\u2028'; }\n/* </script> \" ` ${x} */\n";
		String code = this.compiler.compile(sheet("a.css", css)).code();
		assertThat(code)
			.contains("const css = \".a::after { content: '\\u2028'; }\\n/* </script> \\\" ` ${x} */\\n\";");
	}

	@Test
	void sheetThatIsNotUtf8IsACompileProblem() {
		ModuleSource source = new ModuleSource("latin.css", new byte[] { '.', 'a', ' ', '{', (byte) 0xE9, '}' }, null);
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.compiler.compile(source))
			.satisfies((ex) -> assertThat(ex.getProblem().file()).isEqualTo("latin.css"));
	}

	@Test
	void compileServiceServesTheModuleForAStyleSheetPath() {
		CompileService service = new CompileService(CompileFixtures.sources(), this.hotCompiler);
		assertThat(service.compile("ui/button.css")).hasValueSatisfying((module) -> {
			assertThat(module.url()).isEqualTo("/frontend/ui/button.css");
			assertThat(module.hot().selfAccepting()).isTrue();
		});
		assertThat(service.compile("ui/missing.css")).isEmpty();
	}

	private static CompiledModule compile(ModuleCompiler compiler, String path) {
		return compiler.compile(CompileFixtures.source(path));
	}

	private static ModuleSource sheet(String path, String css) {
		return new ModuleSource(path, css.getBytes(StandardCharsets.UTF_8), null);
	}

}

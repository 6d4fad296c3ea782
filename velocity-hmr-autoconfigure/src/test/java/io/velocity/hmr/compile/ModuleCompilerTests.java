package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ModuleCompiler}.
 */
class ModuleCompilerTests {

	private final ModuleCompiler compiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS);

	@Test
	void compilesTsxToAnEsModuleWithoutTypes() {
		CompiledModule module = compile("App.tsx");
		assertThat(module.path()).isEqualTo("App.tsx");
		assertThat(module.url()).isEqualTo("/frontend/App.tsx");
		assertThat(module.code()).contains("export default function App(props) {")
			.contains("export const title = format('Velocity');")
			.doesNotContain("Props")
			.doesNotContain("require(");
	}

	@Test
	void compilesJsxToTemplateClonesWithHelpersImportedFromVelocityWeb() {
		CompiledModule module = compile("App.tsx");
		assertThat(module.code())
			.startsWith("const _tmpl$1 = /*#__PURE__*/_$template(\"<main class=\\\"app\\\"><h1></h1></main>\");")
			.contains("_$createComponent(Counter, {")
			.contains("get start() {")
			.contains("import { template as _$template, insert as _$insert, createComponent as _$createComponent }"
					+ " from \"/__velocity/web.js\";")
			.doesNotContain("jsx(")
			.doesNotContain("React");
		assertThat(module.imports()).last().isEqualTo(new ModuleImport("velocity/web", ModuleUrls.WEB_URL, false));
	}

	@Test
	void reportsALiteralEventHandlerAsAProblemWithItsPositionAndFrame() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("literal-handler.tsx"))
			.satisfies((ex) -> {
				CompileProblem problem = ex.getProblem();
				assertThat(problem.toString()).startsWith("literal-handler.tsx:3:12 'onClick' needs a function");
				assertThat(problem.frame()).contains("> 3 | \treturn <a onClick=\"alert(1)\">x</a>;\n");
			});
	}

	@Test
	void leavesTypeScriptAndJavaScriptModulesWithoutJsxAlone() {
		assertThat(compile("utils.ts").code()).doesNotContain("velocity/web");
		assertThat(compile("plain.js").code()).doesNotContain("velocity/web");
	}

	@Test
	void compilesJsxFiles() {
		CompiledModule module = compile("Widget.jsx");
		assertThat(module.code()).contains("_$createComponent(Button, {").contains("from \"/frontend/ui/Button.tsx\"");
		assertThat(module.exports()).containsExactly("default");
	}

	@Test
	void compilesPlainJavaScriptAndMjs() {
		CompiledModule plain = compile("plain.js");
		assertThat(plain.code()).contains("import { widget } from \"/frontend/ui/widgets.js\";")
			.contains("import { hello } from \"/frontend/module.mjs\";")
			.contains("return hello(widget);");
		assertThat(plain.exports()).containsExactly("greet");
		CompiledModule mjs = compile("module.mjs");
		assertThat(mjs.code()).contains("export const hello = (name)=>`hello ${name}`;");
		assertThat(mjs.imports()).isEmpty();
		assertThat(mjs.exports()).containsExactly("hello");
	}

	@Test
	void compilesTypeScriptAndRecordsDestructuredExports() {
		CompiledModule module = compile("utils.ts");
		assertThat(module.code()).contains("export function format(text) {");
		assertThat(module.exports()).containsExactly("format", "version", "major");
	}

	@Test
	void recordsImportsTheBrowserRequestsInSourceOrder() {
		assertThat(compile("App.tsx").imports()).containsExactly(
				new ModuleImport("velocity", "/__velocity/runtime.js", false),
				new ModuleImport("./components/Counter", "/frontend/components/Counter.tsx", false),
				new ModuleImport("./utils.js", "/frontend/utils.ts", false),
				new ModuleImport("./ui", "/frontend/ui/index.ts", false),
				new ModuleImport("./styles.css", "/frontend/styles.css?import", false),
				new ModuleImport("./Settings", "/frontend/Settings.tsx", true),
				new ModuleImport("velocity/web", "/__velocity/web.js", false));
	}

	@Test
	void rewritesEveryImportToItsUrl() {
		String code = compile("App.tsx").code();
		assertThat(code).contains("import { createSignal } from \"/__velocity/runtime.js\";")
			.contains("import { Counter } from \"/frontend/components/Counter.tsx\";")
			.contains("import { format } from \"/frontend/utils.ts\";")
			.contains("import { Button } from \"/frontend/ui/index.ts\";")
			.contains("import \"/frontend/styles.css?import\";")
			.contains("import(\"/frontend/Settings.tsx\").then(")
			.doesNotContain("'./");
	}

	@Test
	void resolvesParentDirectoryImports() {
		assertThat(compile("components/Counter.tsx").imports()).extracting(ModuleImport::url)
			.containsExactly("/__velocity/runtime.js", "/frontend/utils.ts", "/__velocity/web.js");
	}

	@Test
	void recordsReExportsAsImportsAndTheirNamesAsExports() {
		CompiledModule module = compile("ui/index.ts");
		assertThat(module.imports()).containsExactly(new ModuleImport("./Button", "/frontend/ui/Button.tsx", false),
				new ModuleImport("../utils", "/frontend/utils.ts", false),
				new ModuleImport("./widgets.js", "/frontend/ui/widgets.js", false));
		assertThat(module.code()).contains("export * from \"/frontend/utils.ts\";")
			.contains("export * as widgets from \"/frontend/ui/widgets.js\";");
		assertThat(module.exports()).containsExactly("Button", "widgets");
	}

	@Test
	void leavesUrlImportsAsWrittenAndKeepsQueries() {
		assertThat(compile("urls.ts").imports()).extracting(ModuleImport::url)
			.containsExactly("https://cdn.example.com/confetti.js", "/static/legacy.js", "/frontend/styles.css?inline");
	}

	@Test
	void rewritesImportsAfterCharactersOutsideTheBasicMultilingualPlane() {
		String text = "export const smile = '\uD83D\uDE00'; export const load = () => import('./utils');\n";
		ModuleSource source = new ModuleSource("smile.ts", text.getBytes(StandardCharsets.UTF_8), null);
		assertThat(this.compiler.compile(source).code()).contains("export const smile = '\uD83D\uDE00';")
			.contains("import(\"/frontend/utils.ts\")");
	}

	@Test
	void writesVersionsIntoTheWrittenUrlsOnly() {
		CompiledModule module = this.compiler.compile(CompileFixtures.source("components/Counter.tsx"),
				ModuleVersions.NONE.with(List.of("/frontend/utils.ts"), 123));
		assertThat(module.code()).contains("from \"/frontend/utils.ts?t=123\";")
			.contains("from \"/__velocity/runtime.js\";");
		assertThat(module.imports()).extracting(ModuleImport::url).contains("/frontend/utils.ts");
	}

	@Test
	void rejectsBareImportsNamingTheSpecifierAndItsPosition() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("bare-import.ts"))
			.satisfies((ex) -> {
				CompileProblem problem = ex.getProblem();
				assertThat(problem.file()).isEqualTo("bare-import.ts");
				assertThat(problem.message()).isEqualTo("Cannot resolve import \"lodash\" from bare-import.ts: "
						+ "bare imports other than 'velocity' are not supported (no package resolution configured)");
				assertThat(problem.line()).isEqualTo(2);
				assertThat(problem.column()).isEqualTo(22);
				assertThat(problem.frame())
					.contains("> 2 | import debounce from 'lodash';\n" + "    |                      ^\n");
			});
	}

	@Test
	void rejectsRelativeImportsOfMissingFiles() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("missing-import.ts"))
			.satisfies((ex) -> {
				assertThat(ex.getProblem().message()).startsWith(
						"Cannot resolve import \"./nowhere\" from missing-import.ts: no such file (tried nowhere, nowhere.ts,");
				assertThat(ex.getProblem().line()).isEqualTo(1);
				assertThat(ex.getProblem().column()).isEqualTo(25);
			});
	}

	@Test
	void rejectsRelativeImportsThatLeaveTheSourceRoots() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("outside-import.ts"))
			.satisfies((ex) -> assertThat(ex.getProblem().message()).isEqualTo(
					"Cannot resolve import \"../../secret\" from outside-import.ts: it points outside the front-end source roots"));
	}

	@Test
	void reportsSyntaxErrorsAtTheirLineAndColumnWithACodeFrame() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("broken.tsx"))
			.satisfies((ex) -> {
				CompileProblem problem = ex.getProblem();
				assertThat(problem.file()).isEqualTo("broken.tsx");
				assertThat(problem.line()).isEqualTo(3);
				assertThat(problem.column()).isEqualTo(24);
				assertThat(problem.message())
					.isEqualTo("SyntaxError: Expected corresponding JSX closing tag for <div>");
				assertThat(problem.frame()).isEqualTo("""
						  1 | export function Broken() {
						  2 | 	const label = 'broken';
						> 3 | 	return <div>{label}</span>;
						    | 	                      ^
						  4 | }
						  5 |\s
						""");
				assertThat(ex)
					.hasMessage("broken.tsx:3:24 SyntaxError: Expected corresponding JSX closing tag for <div>");
			});
	}

	@Test
	void keepsWorkingAfterASyntaxError() {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> compile("broken.tsx"));
		assertThat(compile("Settings.tsx").exports()).containsExactly("default");
	}

	@Test
	void reportsSourcesThatAreNotUtf8() {
		byte[] content = "const a = 1;\nconst b = '\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		ModuleSource source = new ModuleSource("latin1.ts", content, null);
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.compiler.compile(source))
			.satisfies((ex) -> {
				assertThat(ex.getProblem().message()).startsWith("latin1.ts is not valid UTF-8 (byte offset 24)");
				assertThat(ex.getProblem().line()).isEqualTo(2);
				assertThat(ex.getProblem().column()).isEqualTo(12);
			});
	}

	@Test
	void inlinesASourceMapNamingTheServedUrlWithTheOriginalSource() {
		String code = compile("App.tsx").code();
		assertThat(CompileFixtures.sourceMapArray(code, "sources")).containsExactly("/frontend/App.tsx");
		assertThat(CompileFixtures.sourceMapArray(code, "sourcesContent"))
			.containsExactly(CompileFixtures.text("App.tsx"));
	}

	@Test
	void keepsTheSourceMapExactAfterARewrittenImportOnTheSameLine() {
		String code = compile("App.tsx").code();
		List<String> generated = code.lines().toList();
		int line = CompileFixtures.indexOfLineContaining(generated, "import(\"/frontend/Settings.tsx\")");
		int column = generated.get(line).indexOf("module.default");
		int[] position = CompileFixtures.originalPosition(code, line, column);
		String originalLine = CompileFixtures.text("App.tsx").lines().toList().get(position[0]);
		assertThat(originalLine.substring(position[1])).startsWith("module.default");
	}

	private CompiledModule compile(String path) {
		return this.compiler.compile(CompileFixtures.source(path));
	}

}

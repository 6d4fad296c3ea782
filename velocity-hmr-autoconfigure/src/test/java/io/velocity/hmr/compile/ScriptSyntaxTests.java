package io.velocity.hmr.compile;

import java.util.List;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.velocity.hmr.compile.ModuleSyntax.ImportSite;
import io.velocity.hmr.compile.jsx.JsxOutput;
import io.velocity.hmr.compile.jsx.JsxTransform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScriptSyntax}: the facts read through the JSX transform, from the tree
 * swc parsed before it, are those a parse of the written code gives.
 */
class ScriptSyntaxTests {

	private static final String URL = "/frontend/Module.tsx";

	private final SwcTranspiler swc = new SwcTranspiler();

	@ParameterizedTest
	@ValueSource(strings = { "App.tsx", "components/Counter.tsx", "hot/Components.tsx", "hot/DisposingTicker.tsx" })
	void readsTheFactsOfFixturesAsAParseOfTheWrittenCode(String path) {
		assertSameFactsAsAParse(CompileFixtures.text(path));
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"import { a, type B } from './a';\nimport type { C } from './c';\nimport { d } from './d';\nexport { e } from './e';\nexport * from './f';\nexport default function App(p: { b: B }) {\n  return <button onClick={() => import('./lazy').then(a)}>{import.meta.url}é😀</button>;\n}\n",
			"import { createSignal } from 'velocity';\nexport const Panel = () => <section>{[1, 2].map((n) => <p title={`${n}`}>{n}</p>)}</section>;\nimport.meta.hot?.accept(['./dep'], () => {});\nimport.meta.hot?.dispose(() => {});\nexport function helper() { return 1; }\n",
			"enum Mode { A, B }\nexport const View = () => <p class={Mode.A === 0 ? 'a' : 'b'} />;\nexport const data = await fetch('/x');\n" })
	void readsTheFactsOfModulesAsAParseOfTheWrittenCode(String text) {
		assertSameFactsAsAParse(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "export const icon = <svg><path d='M0' /></svg>;\n", "export default <p>hi</p>;\n",
			"class A { el = <div />; }\nexport const B = () => <A />;\n" })
	void readsNothingWhenJsxRunsAsTheModuleLoads(String text) {
		Swc4jTranspileOutput generated = this.swc.transpileKeepingJsx("Module.tsx", text, Swc4jMediaType.Tsx, URL);
		ISwc4jAstProgram<?> program = this.swc.parse(generated.getCode(), Swc4jMediaType.Jsx, URL).getProgram();
		JsxOutput jsx = JsxTransform.transform(generated.getCode(), program).orElseThrow();
		assertThat(ScriptSyntax.throughJsx(program, generated.getCode(), jsx)).isEmpty();
	}

	private void assertSameFactsAsAParse(String text) {
		Swc4jTranspileOutput generated = this.swc.transpileKeepingJsx("Module.tsx", text, Swc4jMediaType.Tsx, URL);
		ISwc4jAstProgram<?> program = this.swc.parse(generated.getCode(), Swc4jMediaType.Jsx, URL).getProgram();
		JsxOutput jsx = JsxTransform.transform(generated.getCode(), program).orElseThrow();
		ScriptSyntax read = ScriptSyntax.throughJsx(program, generated.getCode(), jsx).orElseThrow();
		ScriptSyntax parsed = ScriptSyntax.of(this.swc.parse(jsx.code(), Swc4jMediaType.JavaScript, URL).getProgram(),
				true);
		assertThat(sites(read.module().imports())).isEqualTo(sites(parsed.module().imports()));
		assertThat(read.module().exports()).isEqualTo(parsed.module().exports());
		assertThat(sites(read.hot().acceptedDeps())).isEqualTo(sites(parsed.hot().acceptedDeps()));
		assertThat(read.hot()).usingRecursiveComparison().ignoringFields("acceptedDeps").isEqualTo(parsed.hot());
		assertThat(read.names().named().stream().map((named) -> named.specifier() + " " + named.name()).toList())
			.isEqualTo(parsed.names().named().stream().map((named) -> named.specifier() + " " + named.name()).toList());
		assertThat(read.names().starSources()).isEqualTo(parsed.names().starSources());
	}

	private static List<String> sites(List<ImportSite> sites) {
		return sites.stream()
			.map((site) -> site.specifier() + " " + site.dynamic() + " " + site.span().getStart() + "-"
					+ site.span().getEnd() + " " + site.span().getLine() + ":" + site.span().getColumn())
			.toList();
	}

}

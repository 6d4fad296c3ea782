package io.velocity.hmr.compile.jsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsxTransform} on the fixtures in {@code fixtures/}: what is dynamic,
 * templates, components, events, and the way back to the source.
 */
class JsxTransformTests {

	@Test
	void staticMarkupBecomesOneTemplateClonedPerInstance() {
		String code = transform("Static.tsx").code();
		assertThat(code)
			.startsWith("const _tmpl$1 = /*#__PURE__*/_$template(\"<article class=\\\"note\\\" data-n=\\\"3\\\">"
					+ "<h1>Title &amp; more</h1><p>Some   text over lines</p><input disabled value=\\\"x\\\"></article>\"); ")
			.contains("return (\n\t\t_tmpl$1()")
			.endsWith("import { template as _$template } from \"velocity/web\";\n");
	}

	@Test
	void templatesAreDeclaredOnTheFirstLineSoThatNoLineMovesAndATopLevelRenderFindsThem() {
		String source = text("Static.tsx");
		String code = transform("Static.tsx").code();
		List<String> lines = code.lines().toList();
		assertThat(lines.get(0)).startsWith("const _tmpl$1").endsWith("// Only static markup: one template, cloned.");
		assertThat(lines.get(1)).isEqualTo("render(App, document.body);");
		assertThat(lines.indexOf("export default function App() {"))
			.isEqualTo(source.lines().toList().indexOf("export default function App() {"));
	}

	@Test
	void callsAndMemberReadsAreBoundWhileIdentifiersAndLiteralsAreSetOnce() {
		String code = flat("Dynamic.tsx");
		assertThat(code).contains("_$className(_el$1, (styles.panel));")
			.contains("_$setAttribute(_el$1, \"title\", (label));")
			.contains("_$effect(() => { _$setAttribute(_el$1, \"data-open\", (props.open)); });")
			.contains("_$insert(_el$2, () => (props.title));")
			.contains("_$insert(_el$3, (label), _el$4);")
			.contains("_$insert(_el$3, (count), _el$5);")
			.contains("_$insert(_el$3, () => (count()), null);")
			.contains("_$insert(_el$1, (() => count()), null);");
	}

	@Test
	void aConditionChoosingJsxGetsAMemoSoThatTheBranchIsCreatedOnlyWhenItFlips() {
		String code = flat("Dynamic.tsx");
		assertThat(code)
			.contains("(() => { const _c$6 = _$memo(() => !!(props.open)); return () => _c$6() ? "
					+ "(_$createComponent(Body, {})) : (_tmpl$2()); })()")
			.contains("_$memo(() => !!(props.open)); return () => _c$7() && (_$createComponent(Body, {})); })()");
	}

	@Test
	void componentPropsAreGettersWhenDynamicAndSpreadsAreMergedInOrder() {
		String code = flat("Components.tsx");
		assertThat(code).contains("_$createComponent(Layout, _$mergeProps({ title: \"Page\", get count() { return "
				+ "(props.items.length); }, onPick: (pick) }, (extra), { static: (1), get children() { return "
				+ "[_$createComponent(Header, {}), _$memo(() => (props.items.length))]; } }))");
	}

	@Test
	void aSingleChildIsPassedAsItIsAndAFunctionChildStaysAFunction() {
		String code = flat("Components.tsx");
		assertThat(code).contains("_$createComponent(Wrap, { children: \"text only\" })")
			.contains("_$createComponent(For, { get each() { return (list()); }, children: ((item) => ")
			.contains("[_tmpl$2(), _$memo(() => (value())), \"text\"]");
	}

	@Test
	void commonEventsAreDelegatedWithTheirDataAndOthersGetListeners() {
		String code = flat("Events.tsx");
		assertThat(code).contains("_el$2.$$click = (select); _el$2.$$clickData = (props.id);")
			.contains("_el$2.$$input = (handle);")
			.contains("_$addEventListener(_el$2, \"scroll\", (scrolled));")
			.contains("_$addEventListener(_el$3, \"click\", (native));")
			.contains("_$addEventListener(_el$3, \"focus\", (captured), false, true);")
			.contains("_el$3.$$dblclick = (maybeHandler);")
			.contains("_$delegateEvents([\"click\", \"input\", \"dblclick\"]);");
	}

	@Test
	void aLiteralEventHandlerIsAProblemAtItsPosition() {
		assertThatExceptionOfType(JsxProblemException.class).isThrownBy(() -> transform("LiteralHandler.tsx"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("'onClick' needs a function");
				assertThat(ex.getLine()).isEqualTo(4);
				assertThat(ex.getColumn()).isEqualTo(12);
			});
		assertThatExceptionOfType(JsxProblemException.class).isThrownBy(() -> transform("LiteralAttrHandler.tsx"))
			.withMessageContaining("'attr:onerror' would be an event handler attribute");
	}

	@Test
	void svgElementsAreParsedInAnSvgAndForeignObjectContentIsHtml() {
		String code = flat("Svg.tsx");
		assertThat(code).contains("_$template(\"<svg><circle class=\\\"dot\\\"></circle></svg>\", true)")
			.contains("_$effect(() => { _$setAttribute(_el$1, \"r\", (props.r)); });")
			.contains("_$setAttribute(_el$3, \"class\", _p$.e0 = _v$6)")
			.contains("_$className(_el$5, _p$.e1 = _v$7)");
	}

	@Test
	void textOnBothSidesOfAnInsertionIsKeptApartByAPlaceholder() {
		String code = flat("Texts.tsx");
		assertThat(code).contains("_$template(\"<p>Hello <!> world</p>\")")
			.contains("_$template(\"<p></p>\")")
			.contains("_$template(\"<p> tail</p>\")")
			.contains("_$template(\"<p>head </p>\")")
			.contains("_$insert(_el$4, () => (a()), null); _$insert(_el$4, () => (b()), null);");
	}

	@Test
	void positionsInTheWrittenTextLeadBackToTheSource() {
		String source = text("Todo.tsx");
		JsxOutput output = transform("Todo.tsx");
		List<String> lines = output.code().lines().toList();
		int line = indexOf(lines, "remaining()), ");
		int column = lines.get(line).indexOf("remaining()), ");
		long position = output.positions().toSource(line, column);
		String sourceLine = source.lines().toList().get(JsxPositions.line(position));
		assertThat(sourceLine.substring(JsxPositions.column(position))).startsWith("remaining()} items left");
		assertThat(JsxPositions.line(position)).isEqualTo(line);
	}

	@Test
	void deepNestingCompilesWithoutExhaustingTheStack() {
		StringBuilder text = new StringBuilder("export const Deep = () => ");
		int depth = 150;
		text.append("<div>".repeat(depth)).append("{x()}").append("</div>".repeat(depth)).append(";\n");
		JsxOutput output = JsxTransform.transform(text.toString(), parse(text.toString())).orElseThrow();
		assertThat(output.code()).contains("_$insert(_el$" + depth + ", () => (x()));");
	}

	@Test
	void aModuleWithoutJsxIsLeftAlone() {
		String text = "export const x: number = 1 < 2 ? 1 : 2;\n";
		assertThat(JsxTransform.transform(text, parse(text))).isEmpty();
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("No line contains " + text);
	}

	// Line breaks that keep expressions on their source lines do not matter here.
	private static String flat(String fixture) {
		return transform(fixture).code().replace("\n", "");
	}

	static JsxOutput transform(String fixture) {
		String text = text(fixture);
		return JsxTransform.transform(text, parse(text)).orElseThrow();
	}

	static String text(String fixture) {
		try (InputStream input = JsxTransformTests.class.getResourceAsStream("fixtures/" + fixture)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ISwc4jAstProgram<?> parse(String text) {
		try {
			return new Swc4j()
				.parse(text,
						new Swc4jParseOptions().setMediaType(Swc4jMediaType.Tsx)
							.setParseMode(Swc4jParseMode.Module)
							.setSpecifier(URI.create("http://velocity.invalid/fixture.tsx").toURL())
							.setCaptureAst(true))
				.getProgram();
		}
		catch (Swc4jCoreException | MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

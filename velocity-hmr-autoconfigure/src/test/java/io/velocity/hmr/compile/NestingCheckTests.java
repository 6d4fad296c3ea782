package io.velocity.hmr.compile;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NestingCheck}.
 */
class NestingCheckTests {

	@Test
	void acceptsNestingUpToTheLimit() {
		assertThat(check("export const x = " + "(".repeat(10) + "1" + ")".repeat(10) + ";", false, 10)).isEmpty();
	}

	@Test
	void refusesNestingPastTheLimitAtTheOpeningThatPassesIt() {
		String text = "const a = 1;\nexport const x = " + "[".repeat(11) + "1" + "]".repeat(11) + ";";
		CompileProblem problem = check(text, false, 10).orElseThrow();
		assertThat(problem.toString()).startsWith("deep.tsx:2:28 nesting deeper than 10");
		assertThat(problem.message()).contains("velocity.hmr.compiler.max-nesting-depth");
	}

	@Test
	void countsJsxElementsTemplateExpressionsAndBracketsAlike() {
		String jsx = "export default () => " + "<div>".repeat(6) + "{`${(x)}`}" + "</div>".repeat(6) + ";";
		assertThat(check(jsx, true, 9)).isEmpty();
		assertThat(check(jsx, true, 8)).isPresent();
	}

	@Test
	void closedNestingDoesNotAddUp() {
		String siblings = "export const x = [" + "[[1]],".repeat(1000) + "];\n" + "<a><b/></a>;".repeat(1000);
		assertThat(check(siblings, true, 3)).isEmpty();
	}

	@Test
	void ignoresBracketsInStringsCommentsRegularExpressionsAndJsxText() {
		String text = """
				// ((((((
				/* [[[[[[ */
				const s = '((((((' + "[[[[[[" + `{{{{{{`;
				const r = /[(((((]/g.test(s) ? /\\(\\(\\(\\(/ : 1 / 2 / 3;
				export const App = () => <p title="((((((">Don't (((((( {s}</p>;
				""";
		assertThat(check(text, true, 3)).isEmpty();
	}

	@Test
	void genericsAndComparisonsAreNotElements() {
		String text = "const m: Map<string, Array<number>> = new Map();\nif (a <b && c<d) { f<T>(x); }\n".repeat(100);
		assertThat(check(text, true, 3)).isEmpty();
	}

	private static Optional<CompileProblem> check(String text, boolean jsx, int limit) {
		return NestingCheck.check("deep.tsx", text, jsx, limit);
	}

}

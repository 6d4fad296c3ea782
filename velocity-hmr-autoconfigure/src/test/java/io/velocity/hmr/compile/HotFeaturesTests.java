package io.velocity.hmr.compile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@link HotFeatures} that {@link ModuleCompiler} reads from modules.
 */
class HotFeaturesTests {

	private final ModuleCompiler compiler = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS,
			CompileMode.HOT);

	@Test
	void modulesThatDoNotMentionHotTakeNoPart() {
		HotFeatures hot = hot("utils.ts");
		assertThat(hot.usesHot()).isFalse();
		assertThat(hot.selfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).isEmpty();
		assertThat(hot.components()).isEmpty();
		assertThat(hot.sideEffects()).isFalse();
	}

	@Test
	void acceptWithACallbackInsideAnIfIsASelfAccept() {
		HotFeatures hot = hot("hot/self-accept.ts");
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.selfAccepting()).isTrue();
		assertThat(hot.acceptedDeps()).isEmpty();
		assertThat(hot.declines()).isFalse();
		assertThat(hot.disposes()).isFalse();
	}

	@Test
	void optionalAcceptWithoutArgumentsIsASelfAccept() {
		HotFeatures hot = hot("hot/self-accept-bare.ts");
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.selfAccepting()).isTrue();
		assertThat(hot.sideEffects()).isFalse();
	}

	@Test
	void acceptOfADependencyResolvesItLikeAnImport() {
		HotFeatures hot = hot("hot/accept-dep.ts");
		assertThat(hot.selfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).containsExactly("/frontend/utils.ts");
	}

	@Test
	void acceptOfAnArrayOfDependenciesResolvesEach() {
		HotFeatures hot = hot("hot/accept-deps.ts");
		assertThat(hot.selfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).containsExactly("/frontend/utils.ts", "/frontend/hot/accept-dep.ts");
	}

	@Test
	void detectsDecline() {
		HotFeatures hot = hot("hot/decline.ts");
		assertThat(hot.declines()).isTrue();
		assertThat(hot.selfAccepting()).isFalse();
	}

	@Test
	void detectsDispose() {
		HotFeatures hot = hot("hot/dispose.ts");
		assertThat(hot.disposes()).isTrue();
		assertThat(hot.sideEffects()).isTrue();
		assertThat(hot.selfAccepting()).isFalse();
	}

	@Test
	void findsComponentsDeclaredAsFunctionsConstsAndTheNamedDefaultExport() {
		HotFeatures hot = hot("hot/Components.tsx");
		assertThat(hot.components()).containsExactly("Header", "Footer", "Card", "Page");
		assertThat(hot.onlyComponentExports()).isTrue();
		assertThat(hot.sideEffects()).isFalse();
		assertThat(hot.usesHot()).isFalse();
	}

	@Test
	void findsComponentsOfJsxModulesExportedByNameOrAsTheDefaultButNotLetBindings() {
		HotFeatures hot = hot("hot/Aliased.jsx");
		assertThat(hot.components()).containsExactly("Panel", "Row");
		assertThat(hot.onlyComponentExports()).isTrue();
		assertThat(hot.selfAccepting()).isTrue();
	}

	@Test
	void anAnonymousDefaultExportIsNotAComponent() {
		HotFeatures hot = hot("hot/Anonymous.tsx");
		assertThat(hot.components()).isEmpty();
		assertThat(hot.onlyComponentExports()).isFalse();
		assertThat(hot.selfAccepting()).isFalse();
	}

	@Test
	void aModuleThatAlsoExportsAValueDoesNotExportOnlyComponents() {
		HotFeatures hot = hot("hot/Mixed.tsx");
		assertThat(hot.components()).containsExactly("Badge");
		assertThat(hot.onlyComponentExports()).isFalse();
		assertThat(hot.selfAccepting()).isFalse();
	}

	@Test
	void typeScriptModulesHaveNoComponents() {
		HotFeatures hot = hot("hot/helpers.ts");
		assertThat(hot.components()).isEmpty();
		assertThat(hot.onlyComponentExports()).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "hot/effects/connect.ts, true", "hot/effects/interval.ts, true", "hot/effects/assign.ts, true",
			"hot/effects/worker.ts, true", "hot/effects/awaited.ts, true", "hot/Ticker.tsx, true",
			"hot/effects/signals.ts, false", "hot/effects/store.ts, false", "hot/Components.tsx, false",
			"hot/decline.ts, false", "utils.ts, false" })
	void guessesTopLevelSideEffects(String path, boolean sideEffects) {
		assertThat(hot(path).sideEffects()).isEqualTo(sideEffects);
	}

	@Test
	void rejectsAnAcceptedDependencyThatCannotBeResolvedAtItsPosition() {
		assertThatExceptionOfType(CompileProblemException.class)
			.isThrownBy(() -> this.compiler.compile(CompileFixtures.source("hot/missing-accept.ts")))
			.satisfies((ex) -> {
				CompileProblem problem = ex.getProblem();
				assertThat(problem.message())
					.startsWith("Cannot resolve import \"./gone\" from hot/missing-accept.ts: no such file");
				assertThat(problem.line()).isEqualTo(3);
				assertThat(problem.column()).isEqualTo(25);
				assertThat(problem.frame()).contains(
						"> 3 | import.meta.hot?.accept('./gone', () => {});\n" + "    |                         ^\n");
			});
	}

	@Test
	void reportsFeaturesOutsideHotModeWithoutAddingASelfAccept() {
		ModuleCompiler cold = new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS);
		HotFeatures hot = cold.compile(CompileFixtures.source("hot/Components.tsx")).hot();
		assertThat(hot.components()).containsExactly("Header", "Footer", "Card", "Page");
		assertThat(hot.onlyComponentExports()).isTrue();
		assertThat(hot.selfAccepting()).isFalse();
		assertThat(cold.compile(CompileFixtures.source("hot/accept-dep.ts")).hot().acceptedDeps())
			.containsExactly("/frontend/utils.ts");
	}

	private HotFeatures hot(String path) {
		return this.compiler.compile(CompileFixtures.source(path)).hot();
	}

}

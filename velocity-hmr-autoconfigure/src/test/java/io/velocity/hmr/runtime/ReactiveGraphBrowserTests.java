package io.velocity.hmr.runtime;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reactive graph of the Velocity runtime (signals, effects, memos, owners),
 * run in Chromium against the scenarios in {@code fixtures/graph.js}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class ReactiveGraphBrowserTests {

	private Page page;

	@BeforeEach
	void openGraphScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "graph");
		this.page = page;
	}

	@Test
	void setterTakesAValueOrAnUpdaterOfThePreviousValue() {
		assertThat(run("setterTakesValueOrUpdater")).isEqualTo(List.of(1, 5, 6, 6));
	}

	@Test
	void equalsOptionDecidesWhetherDependentsAreNotified() {
		assertThat(run("equalsDecidesWhetherEffectsRun")).isEqualTo(Map.of("user", 2, "tick", 3, "same", 1));
	}

	@Test
	void effectRunsAgainOnlyWhenASignalItReadChanges() {
		assertThat(run("effectRerunsOnlyForItsSources")).isEqualTo(List.of("a=0", "a=1"));
	}

	@Test
	void effectDependsOnlyOnWhatItReadOnItsLastRun() {
		assertThat(run("effectFollowsConditionalSources")).isEqualTo(List.of("a0", "b1", "b2"));
	}

	@Test
	void cleanupReturnedByAnEffectRunsBeforeTheNextRunAndOnDispose() {
		assertThat(run("returnedCleanupRunsBeforeRerunAndOnDispose"))
			.isEqualTo(List.of("run 0", "cleanup 0", "run 1", "cleanup 1"));
	}

	@Test
	void memosOfADiamondRunOncePerChangeAndEffectsSeeNoIntermediateValue() {
		assertThat(run("diamondRunsEachMemoOncePerChange")).isEqualTo(
				Map.of("runs", Map.of("double", 3, "plusOne", 3, "sum", 3, "effect", 3), "seen", List.of(4, 7, 10)));
	}

	@Test
	void effectReadingBothSidesOfADiamondRunsOncePerChange() {
		assertThat(run("effectReadingBothSidesOfADiamondRunsOncePerChange")).isEqualTo(List.of("2/3", "4/6"));
	}

	@Test
	void memoThatComputesAnEqualValueDoesNotNotifyItsDependents() {
		assertThat(run("memoThatKeepsItsValueStopsPropagation")).isEqualTo(List.of(1, 0));
	}

	@Test
	void onCleanupRunsBeforeAnEffectRunsAgainAndWhenItsRootIsDisposed() {
		assertThat(run("onCleanupRunsBeforeRerunAndOnRootDispose"))
			.isEqualTo(List.of("effect cleanup 0", "effect cleanup 1", "root cleanup"));
	}

	@Test
	void batchRunsEffectsOnceWithTheFinalValues() {
		assertThat(run("batchRunsEffectsOnceWithFinalValues"))
			.isEqualTo(List.of("Ada Lovelace", "inside: Grace Hopper", "Grace Hopper", "done"));
	}

	@Test
	void untrackReadsWithoutSubscribing() {
		assertThat(run("untrackedReadsDoNotSubscribe")).isEqualTo(List.of("0:0", "1:1"));
	}

	@Test
	void disposingARootStopsItsEffects() {
		assertThat(run("disposedRootStopsItsEffectsAndMemos")).isEqualTo(Map.of("effect", 2));
	}

	@Test
	void signalWrittenByAnEffectSettlesBeforeDependentEffectsRun() {
		assertThat(run("effectWritingASignalSettlesAfterPropagation")).isEqualTo(List.of("0C=32F", "100C=212F"));
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

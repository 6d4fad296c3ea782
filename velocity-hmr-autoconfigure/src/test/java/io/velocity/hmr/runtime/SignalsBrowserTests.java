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
 * Tests for Solid's reactive primitives on Velocity (signals, memos, effects and their
 * order, batching, selectors, deferred values, observables), run in Chromium against the
 * scenarios in {@code fixtures/signals.js}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class SignalsBrowserTests {

	private Page page;

	@BeforeEach
	void openScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "signals");
		this.page = page;
	}

	@Test
	void setterReturnsWhatItSetAndTakesAnUpdater() {
		assertThat(run("setterReturnsWhatItSetAndTakesAnUpdater")).isEqualTo(List.of(5, 6, 6, true, true));
	}

	@Test
	void equalsFalseNotifiesEveryWrite() {
		assertThat(run("equalsFalseNotifiesEveryWrite")).isEqualTo(Map.of("tick", 3, "plain", 1));
	}

	@Test
	void memoIsComputedAtOnceFromItsInitialValue() {
		assertThat(run("memoIsEagerAndStartsFromItsInitialValue"))
			.isEqualTo(List.of("run 10", "created", "run 11", "total 13"));
	}

	@Test
	void memoEqualsOptionDecidesWhetherItsReadersRun() {
		assertThat(run("memoEqualsDecidesWhetherReadersRun")).isEqualTo(2);
	}

	@Test
	void renderEffectsRunAtOnceAndUserEffectsWhenTheRootReturns() {
		assertThat(run("renderEffectsRunAtOnceUserEffectsWhenTheRootReturns")).isEqualTo(
				List.of("render a", "computed a", "memo a", "body returns", "effect a", "mount", "root returned"));
	}

	@Test
	void updateRunsMemosThenRenderEffectsThenUserEffects() {
		assertThat(run("updatesRunMemosThenRenderEffectsThenUserEffects"))
			.isEqualTo(List.of("computed 1", "memo 1", "render 1", "effect 1"));
	}

	@Test
	void effectCreatedOutsideAnyUpdateRunsAtOnce() {
		assertThat(run("effectsOutsideAnUpdateRunAtOnce")).isEqualTo(List.of("effect", "after"));
	}

	@Test
	void onMountRunsOnceWithTheComponentInTheDocument() {
		assertThat(run("onMountSeesTheComponentInTheDocumentAndRunsOnce"))
			.isEqualTo(List.of("mounted, connected: true"));
	}

	@Test
	void batchDefersEffectsWhileMemosReadFresh() {
		assertThat(run("batchDefersEffectsAndMemosReadFresh"))
			.isEqualTo(List.of("effect Ada Lovelace", "inside Grace Hopper", "effect Grace Hopper"));
	}

	@Test
	void writeInAnEffectPropagatesAfterTheCurrentEffects() {
		assertThat(run("writesInEffectsPropagateAfterTheCurrentEffects")).isEqualTo(List.of("both 1/10", "b 10"));
	}

	@Test
	void computedWritesLandBeforeRendering() {
		assertThat(run("computedWritesLandBeforeRendering")).isEqualTo(List.of("0C=32F", "100C=212F"));
	}

	@Test
	void reactionCallsOnInvalidateOnceUntilTrackedAgain() {
		assertThat(run("reactionCallsOnInvalidateOnceUntilTrackedAgain"))
			.isEqualTo(List.of("invalidated at 1", "invalidated at 3"));
	}

	@Test
	void selectorRunsOnlyTheReadersOfTheOldAndTheNewKey() {
		assertThat(run("selectorRunsOnlyTheReadersOfTheOldAndTheNewKey"))
			.isEqualTo(Map.of("runs", List.of(1, 2, 2, 1), "states", List.of(false, false, true, false)));
	}

	@Test
	void selectorWithAComparisonRunsTheReadersWhoseAnswerFlips() {
		assertThat(run("selectorWithAComparisonFunction")).isEqualTo(List.of(1, 2, 1));
	}

	@Test
	void selectorForgetsReadersThatAreGoneOrStoppedAsking() {
		assertThat(run("selectorForgetsReadersThatAreGoneOrStoppedAsking"))
			.isEqualTo(Map.of("gone", 1, "stopped", 2, "many", 2));
	}

	@Test
	void deferredFollowsItsSourceWhenTheBrowserIsIdle() {
		assertThat(run("deferredFollowsItsSourceWhenTheBrowserIsIdle")).isEqualTo(List.of("a", "a", "b"));
	}

	@Test
	void onMakesDependenciesExplicitAndCanDeferTheFirstRun() {
		assertThat(run("onMakesDependenciesExplicitAndCanDefer"))
			.isEqualTo(List.of("a undefined->1 b=1", "both 1,2", "a 1->2 b=2", "both 2,2"));
	}

	@Test
	void untrackReadsWithoutSubscribingAndGetListenerNamesTheComputation() {
		assertThat(run("untrackAndGetListener"))
			.isEqualTo(List.of("outside true", "0:0 listener true", "1:1 listener true"));
	}

	@Test
	void functionReturnedByAnEffectIsItsNextInputAndACleanup() {
		assertThat(run("returnedFunctionOfAnEffectIsItsCleanup")).isEqualTo(List.of("run 0 after undefined",
				"returned 0", "onCleanup 0", "run 1 after function", "returned 1", "onCleanup 1"));
	}

	@Test
	void observableAndFromBridgeSignalsAndSubscriptions() {
		assertThat(run("observableAndFrom")).isEqualTo(
				List.of("observed 0", "observed 1", "from initial", "from next", "from next!", "producer stopped"));
	}

	@Test
	void symbolsAndEqualFnAreSolids() {
		assertThat(run("symbolsAndEqualFn")).isEqualTo(List.of("symbol", "symbol", true, false, false));
	}

	@Test
	void effectThatKeepsWritingWhatItReadsIsReportedInsteadOfHanging() {
		assertThat(run("effectThatKeepsWritingItsSourceIsReported")).asString().contains("did not settle");
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

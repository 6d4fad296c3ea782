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
 * Tests for the owner tree as Solid exposes it on Velocity (context, runWithOwner, error
 * handlers and ErrorBoundary, props helpers, children), run in Chromium against the
 * scenarios in {@code fixtures/owners.js}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class OwnerBrowserTests {

	private Page page;

	@BeforeEach
	void openScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "owners");
		this.page = page;
	}

	@Test
	void contextComesFromTheNearestProviderOrTheDefault() {
		assertThat(run("contextComesFromTheNearestProvider"))
			.isEqualTo(List.of("outside light", "inside dark", "nested blue", "memo blue"));
	}

	@Test
	void contextIsFoundThroughRunWithOwnerLater() {
		assertThat(run("contextIsFoundThroughRunWithOwnerLater")).isEqualTo("dark");
	}

	@Test
	void contextReachesListRowsAndRootsBelowTheProvider() {
		assertThat(run("contextReachesListRowsAndRootsBelow")).isEqualTo(List.of("a dark", "b dark", "root dark"));
	}

	@Test
	void runWithOwnerGivesWhatItCreatesToTheOwnerAndRunsEffectsWhenItReturns() {
		assertThat(run("runWithOwnerOwnsWhatItCreatesAndHoldsEffects"))
			.isEqualTo(List.of("body", "effect 0", "effect 1"));
	}

	@Test
	void catchErrorReceivesErrorsOfCreationRenderEffectsMemosAndEffects() {
		assertThat(run("catchErrorReceivesErrorsFromEveryKindOfComputation")).isEqualTo(List.of("inner: a string true",
				"while creating", "from a render effect", "from a memo", "from an effect"));
	}

	@Test
	void errorThrownByAHandlerGoesToTheNextHandlerUp() {
		assertThat(run("errorThrownByAHandlerGoesToTheNextHandlerUp")).isEqualTo(List.of("rethrown first"));
	}

	@Test
	void onErrorHandlesTheErrorsOfItsOwner() {
		assertThat(run("onErrorHandlesErrorsOfItsOwner")).isEqualTo(List.of("onError effect failed"));
	}

	@Test
	void unhandledErrorIsReportedAndTheGraphGoesOn() {
		assertThat(run("unhandledErrorsAreReportedAndTheGraphGoesOn"))
			.isEqualTo(Map.of("reported", List.of("memo failed at 1"), "seen", List.of(0, 2)));
	}

	@Test
	void errorBoundaryFallbackReceivesTheErrorAndAResetThatRendersAgain() {
		assertThat(run("errorBoundaryShowsTheFallbackWithAResetThatRendersAgain"))
			.isEqualTo(List.of("Failed: cannot render", "rendered"));
	}

	@Test
	void errorBoundaryCatchesAnEffectThatFailsLaterAndDisposesItsChildren() {
		assertThat(run("errorBoundaryCatchesAnEffectThatFailsLater"))
			.isEqualTo(List.of("Count 0", "Count 1", "counter disposed", "too many: 2"));
	}

	@Test
	void errorBoundaryCatchesAnErrorInAListRow() {
		assertThat(run("errorBoundaryWithAPlainFallbackAndErrorsInRows")).isEqualTo(List.of("a", "a row failed"));
	}

	@Test
	void unhandledErrorOfAComponentIsReported() {
		assertThat(run("reportedErrorsOfAComponentOutsideABoundary")).isEqualTo(List.of("effect without a boundary"));
	}

	@Test
	void mergePropsKeepsGettersAndTheLastDefinedValue() {
		assertThat(run("mergePropsKeepsGettersAndTheLastDefinedValue"))
			.isEqualTo(List.of("first", "m", "loud", 1, "second", 2, "second", true, "a,b"));
	}

	@Test
	void splitPropsDividesPropsWithoutReadingThem() {
		assertThat(run("splitPropsDividesWithoutReading"))
			.isEqualTo(List.of(List.of("name"), "Grace", List.of("id", "title"), List.of("onClick")));
	}

	@Test
	void childrenResolvesAccessorsAndNestedArrays() {
		assertThat(run("childrenResolvesAccessorsAndArrays")).isEqualTo(List.of("ab1cd", 4, "ab2cd", "single"));
	}

	@Test
	void createUniqueIdGivesDistinctIds() {
		assertThat(run("uniqueIdsDiffer")).isEqualTo(3);
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

package io.velocity.hmr.runtime;

import java.util.Arrays;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for resources, Suspense, SuspenseList, transitions and lazy components on
 * Velocity, run in Chromium against the scenarios in {@code fixtures/resources.js}. Each
 * scenario settles its fetchers' promises itself and awaits the outcome.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class ResourceBrowserTests {

	private Page page;

	@BeforeEach
	void openScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "resources");
		this.page = page;
	}

	@Test
	void resourceGoesFromPendingToReady() {
		assertThat(run("resourceGoesFromPendingToReady"))
			.isEqualTo(List.of(Arrays.asList("pending", true, null, null), List.of("ready", false, "hello", "hello")));
	}

	@Test
	void resourceWithASourceFetchesWhenTheSourceHasAValueAndKeepsTheLatestWhileRefreshing() {
		assertThat(run("resourceWithASourceFetchesWhenTheSourceHasAValue")).isEqualTo(
				List.of(Arrays.asList("unresolved", false, null, null), Arrays.asList("pending", true, null, null),
						List.of("refreshing", true, "one", "one"), List.of("ready", false, "two", "two"),
						List.of("1 after undefined refetching false", "2 after one refetching false")));
	}

	@Test
	void mutateSetsTheValueAndRefetchPassesItsArgumentToTheFetcher() {
		assertThat(run("refetchAndMutate")).isEqualTo(List.of(List.of("ready", false, 10, 10), "refreshing",
				List.of("ready", false, 2, 2), List.of("false", "reason")));
	}

	@Test
	void rejectedLoadIsAnErrorThatReadingThrows() {
		assertThat(run("rejectedLoadIsAnErrorThatReadingThrows"))
			.isEqualTo(List.of("errored", false, "offline", "offline"));
	}

	@Test
	void errorOfAResourceReachesTheErrorBoundary() {
		assertThat(run("errorOfAResourceReachesTheErrorBoundary")).isEqualTo("failed: offline");
	}

	@Test
	void synchronousFetcherIsReadyAtOnceAndInitialValueIsKeptWhileRefreshing() {
		assertThat(run("synchronousFetcherAndInitialValue"))
			.isEqualTo(List.of(List.of("ready", false, "at once", "at once"),
					List.of("refreshing", true, "cached", "cached"), List.of("refreshing", true, "cached", "cached")));
	}

	@Test
	void suspenseShowsItsFallbackWhileAResourceLoadsAndHoldsUserEffects() {
		assertThat(run("suspenseShowsItsFallbackWhileAResourceLoadsAndHoldsEffects")).isEqualTo(List.of("loading",
				List.of("profile created"), "Ada", List.of("profile created", "mounted", "effect Ada")));
	}

	@Test
	void refetchShowsTheFallbackAgainAndThenTheSameNodes() {
		assertThat(run("refetchShowsTheFallbackAgainAndThenTheSameNodes"))
			.isEqualTo(List.of("loading", "second", true));
	}

	@Test
	void nestedSuspenseBoundariesSuspendIndependently() {
		assertThat(run("nestedSuspenseBoundariesSuspendIndependently"))
			.isEqualTo(List.of("outer loading", "outer[inner loading]", "outer[inner]"));
	}

	@Test
	void transitionKeepsTheOldContentUntilTheNewOneIsReady() {
		assertThat(run("transitionKeepsTheOldContentUntilTheNewOneIsReady"))
			.isEqualTo(List.of("idle A", "pending A", "idle B", "idle loading", "idle C", List.of("a", "b", "c")));
	}

	@Test
	void transitionWithoutLoadsResolvesAtOnceAfterItsChange() {
		assertThat(run("startTransitionWithoutLoadsResolvesAtOnce")).isEqualTo(List.of(0, 1));
	}

	@Test
	void suspenseListRevealsForwardsShowingOnlyTheNextFallback() {
		assertThat(run("suspenseListRevealsForwards"))
			.isEqualTo(List.of("wait0 ", "wait0 ", "done0 wait1 ", "done0 done1 done2 "));
	}

	@Test
	void suspenseListRevealsTogether() {
		assertThat(run("suspenseListRevealsTogether"))
			.isEqualTo(List.of("wait0 wait1 ", "wait0 wait1 ", "done0 done1 "));
	}

	@Test
	void lazyComponentLoadsUnderSuspenseAndRendersAtOnceOnceLoaded() {
		assertThat(run("lazyComponentLoadsUnderSuspense")).isEqualTo(List.of("loading page", "Lazy", "Loaded"));
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

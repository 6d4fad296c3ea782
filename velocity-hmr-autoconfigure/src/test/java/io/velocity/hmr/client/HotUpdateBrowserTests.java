package io.velocity.hmr.client;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.velocity.hmr.client.HmrTestPage.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for applying hot updates with the HMR client in Chromium: update messages from a
 * mock server, fixture modules written like compiled output, and import.meta.hot.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class HotUpdateBrowserTests {

	private static final String COUNTER = "/fixtures/counter.js";

	private static final String PARENT = "/fixtures/parent.js";

	private static final String DEP_A = "/fixtures/dep-a.js";

	private static final String DEP_B = "/fixtures/dep-b.js";

	private static final List<String> CLIENT = List.of("/__velocity/hmr-client.js");

	@Test
	void selfAcceptingModuleUpdatesTheDomWithoutReloadAndKeepsItsData(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		page.click("#counter");
		page.click("#counter");
		hmr.evaluate("window.marker = 'before update'");
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, "counter-v2.js", CLIENT));
		expectCounter(page).hasText("v2: 2");
		page.click("#counter");
		expectCounter(page).hasText("v2: 3");
		assertThat(hmr.evaluate("window.marker")).isEqualTo("before update");
		assertThat(hmr.evaluate("window.events"))
			.isEqualTo(List.of("evaluate counter v1", "dispose counter v1", "evaluate counter v2"));
		assertThat(hmr.awaitConsole("[velocity] hot updated "))
			.matches("\\[velocity] hot updated /fixtures/counter.js in \\d+ ms");
		assertThat(hmr.awaitReceived("updated"))
			.startsWith("{\"type\":\"updated\",\"paths\":[\"/fixtures/counter.js\"],\"applyMillis\":")
			.endsWith(",\"timestamp\":100}");
		assertThat(updateEvents(hmr)).isEqualTo(List.of("velocity:beforeUpdate", "velocity:afterUpdate"));
		assertThat(hmr.loads()).isOne();
		assertThat(log.pageErrors()).isEmpty();
	}

	@Test
	void updateWithTheSameCodeAsAnEarlierOneRunsItAgain(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, "counter-v2.js", CLIENT));
		hmr.sendUpdate(101, update(COUNTER, COUNTER, 101, "counter-v2.js", CLIENT));
		hmr.awaitTrue("window.events.length === 5");
		assertThat(hmr.evaluate("window.events")).isEqualTo(List.of("evaluate counter v1", "dispose counter v1",
				"evaluate counter v2", "dispose counter v2", "evaluate counter v2"));
		assertThat(log.pageErrors()).isEmpty();
	}

	@Test
	void acceptCallbackReceivesTheNewModuleAfterDisposeFilledData(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "accepting");
		hmr.sendUpdate(100, update("/fixtures/accepting.js", "/fixtures/accepting.js", 100, "accepting-v2.js", CLIENT));
		hmr.awaitReceived("updated");
		assertThat(hmr.evaluate("window.events")).isEqualTo(List.of("evaluate v1 with data {}", "dispose v1",
				"evaluate v2 with data {\"from\":1}", "v1 accepted v2"));
	}

	@Test
	void acceptedDependencyIsPassedAloneOrAtItsIndex(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "parent");
		hmr.sendUpdate(100, update(PARENT, DEP_A, 100, "dep-a-v2.js", CLIENT));
		hmr.sendUpdate(101, update(PARENT, DEP_B, 101, "dep-b-v2.js", CLIENT));
		hmr.awaitTrue("window.received.length === 4");
		assertThat(hmr.evaluate("window.received"))
			.isEqualTo(List.of("a1 b1", "a: a2", "[a2, undefined]", "[undefined, b2]"));
		assertThat(hmr.awaitConsole("[velocity] hot updated /fixtures/dep-b.js"))
			.startsWith("[velocity] hot updated /fixtures/dep-b.js via /fixtures/parent.js in ");
	}

	@Test
	void updatesApplyInTheOrderSentEvenWhenAnImportIsSlow(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "parent");
		hmr.sendUpdate(100, update(PARENT, DEP_A, 100, "dep-a-slow.js", CLIENT));
		hmr.sendUpdate(101, update(PARENT, DEP_B, 101, "dep-b-v2.js", CLIENT),
				update(PARENT, DEP_A, 101, "dep-a-v2.js", CLIENT));
		hmr.awaitTrue("window.received.length === 6");
		assertThat(hmr.evaluate("window.received")).isEqualTo(
				List.of("a1 b1", "a: a-slow", "[a-slow, undefined]", "[undefined, b2]", "a: a2", "[a2, undefined]"));
	}

	@Test
	void importsOfUpdatedCodeResolveOnThePageOriginAndReuseModulesOfTheSameUpdate(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "parent,greeting");
		PlaywrightAssertions.assertThat(page.locator("#greeting")).hasText("Hello a1");
		hmr.sendUpdate(200, update(PARENT, DEP_A, 200, "dep-a-v2.js", CLIENT),
				update("/fixtures/greeting.js", "/fixtures/greeting.js", 200, "greeting-v2.js",
						List.of("/__velocity/hmr-client.js", "/fixtures/dep-a.js?t=200")));
		PlaywrightAssertions.assertThat(page.locator("#greeting")).hasText("Hello a2");
		assertThat(hmr.evaluate("window.evaluations")).as("each version of dep-a ran once")
			.isEqualTo(List.of("a1", "b1", "a2"));
	}

	@Test
	void importsAreMadeAbsoluteWhenTheServerDoesNotListThem(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, "counter-v2.js", null));
		expectCounter(page).hasText("v2: 0");
	}

	@Test
	void moduleWithoutInlineCodeIsImportedFromTheServerWithItsTimestamp(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		page.click("#counter");
		page.route("**/fixtures/counter.js?t=100",
				(route) -> route.fulfill(new Route.FulfillOptions().setContentType("text/javascript")
					.setBody(HmrTestPage.resource("io/velocity/hmr/client/fixtures/counter-v2.js"))));
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, null, null));
		expectCounter(page).hasText("v2: 1");
	}

	@Test
	void moduleThatThrowsOnEvaluationLeavesTheOldCodeWorkingAndHotUpdatable(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		page.click("#counter");
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, "counter-broken.js", CLIENT));
		assertThat(hmr.awaitConsole("[velocity] failed to apply update for /fixtures/counter.js"))
			.contains("counter v3 is broken");
		hmr.awaitTrue("window.heard.includes('velocity:error counter v3 is broken')");
		// The overlay shows the failure; closed, the old UI is there and works.
		PlaywrightAssertions.assertThat(page.locator("velocity-error-overlay")).containsText("counter v3 is broken");
		page.keyboard().press("Escape");
		page.click("#counter");
		expectCounter(page).hasText("v1: 2");
		hmr.sendUpdate(101, update(COUNTER, COUNTER, 101, "counter-v2.js", CLIENT));
		expectCounter(page).hasText("v2: 2");
		assertThat(updateEvents(hmr)).isEqualTo(List.of("velocity:beforeUpdate", "velocity:error counter v3 is broken",
				"velocity:beforeUpdate", "velocity:afterUpdate"));
		assertThat(hmr.loads()).isOne();
	}

	@Test
	void moduleThatThrowsFailsOnlyItsOwnUpdateOfTheModulesImportedTogether(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter,parent");
		page.click("#counter");
		hmr.sendUpdate(100, update(COUNTER, COUNTER, 100, "counter-broken.js", CLIENT),
				update(PARENT, DEP_B, 100, "dep-b-v2.js", CLIENT));
		assertThat(hmr.awaitConsole("[velocity] failed to apply update for /fixtures/counter.js"))
			.contains("counter v3 is broken");
		hmr.awaitTrue("window.received.length === 2");
		assertThat(hmr.evaluate("window.received")).isEqualTo(List.of("a1 b1", "[undefined, b2]"));
		page.keyboard().press("Escape");
		page.click("#counter");
		expectCounter(page).hasText("v1: 2");
		assertThat(hmr.loads()).isOne();
	}

	@Test
	void pruneRunsThePruneCallbackAndForgetsTheModule(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "parent");
		hmr.send("{\"type\":\"prune\",\"paths\":[\"" + DEP_B + "\"]}");
		hmr.awaitTrue("window.pruned !== undefined");
		assertThat(hmr.evaluate("window.pruned")).isEqualTo("dep-b with {\"disposed\":true}");
		assertThat(hmr.evaluate("window.__velocity_hmr__.client.hotModules.has('" + DEP_B + "')")).isEqualTo(false);
	}

	@Test
	void invalidateTellsTheServer(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.evaluate("window.invalidateListeners('cannot apply')");
		assertThat(hmr.awaitReceived("invalidate"))
			.isEqualTo("{\"type\":\"invalidate\",\"path\":\"/fixtures/listeners.js\",\"message\":\"cannot apply\"}");
		assertThat(hmr.awaitConsole("[velocity] invalidate "))
			.isEqualTo("[velocity] invalidate /fixtures/listeners.js: cannot apply");
	}

	@Test
	void updateOfDecliningModuleReloadsThePage(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "declined");
		hmr.sendUpdate(100, update("/fixtures/declined.js", "/fixtures/declined.js", 100, "declined.js", CLIENT));
		assertThat(hmr.awaitConsole("[velocity] reloaded: "))
			.isEqualTo("[velocity] reloaded: /fixtures/declined.js declines hot updates");
		hmr.awaitLoaded();
		assertThat(hmr.loads()).isEqualTo(2);
	}

	// Whether the first velocity:ws:connect comes before the listener is added depends on
	// timing.
	private static Object updateEvents(HmrTestPage hmr) {
		return hmr.evaluate("window.heard.filter((event) => !event.startsWith('velocity:ws:'))");
	}

	private static LocatorAssertions expectCounter(Page page) {
		return PlaywrightAssertions.assertThat(page.locator("#counter"));
	}

}

package io.velocity.hmr.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.velocity.hmr.client.HmrTestPage.inlineModule;
import static io.velocity.hmr.client.HmrTestPage.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the modules an update carries besides the accepted ones: the client evaluates
 * them from their inline code, so that the accepted module's import of their new version
 * needs no request.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class InlineModuleBrowserTests {

	private static final String CLIENT = "/__velocity/hmr-client.js";

	private static final String GREETING = "/fixtures/greeting.js";

	private static final String BANNER = "/fixtures/banner.js";

	private static final String DEP_A = "/fixtures/dep-a.js";

	@Test
	void dependencyOfTheAcceptedModuleIsEvaluatedFromTheUpdateWithoutARequest(BrowserContext context, Page page,
			ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "greeting");
		AtomicInteger versionedRequests = countVersionedRequests(page);
		hmr.sendUpdate(200, List.of(inlineModule(DEP_A, "dep-a-v2.js", List.of(CLIENT))),
				update(GREETING, GREETING, 200, "greeting-v2.js", List.of(CLIENT, DEP_A + "?t=200")));
		PlaywrightAssertions.assertThat(page.locator("#greeting")).hasText("Hello a2");
		assertThat(versionedRequests).as("requests for versioned modules").hasValue(0);
		assertThat(hmr.evaluate("window.evaluations")).isEqualTo(List.of("a1", "a2"));
		assertThat(log.pageErrors()).isEmpty();
	}

	@Test
	void dependenciesAreEvaluatedImportedFirstAndLinkedToEachOther(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "banner");
		PlaywrightAssertions.assertThat(page.locator("#banner")).hasText("A1!");
		AtomicInteger versionedRequests = countVersionedRequests(page);
		hmr.sendUpdate(300,
				List.of(inlineModule(DEP_A, "dep-a-v2.js", List.of(CLIENT)),
						inlineModule("/fixtures/shout.js", "shout-v2.js", List.of(CLIENT, DEP_A + "?t=300"))),
				update(BANNER, BANNER, 300, "banner-v2.js", List.of(CLIENT, "/fixtures/shout.js?t=300")));
		PlaywrightAssertions.assertThat(page.locator("#banner")).hasText("A2!!");
		assertThat(versionedRequests).as("requests for versioned modules").hasValue(0);
		assertThat(hmr.evaluate("window.evaluations")).as("each version ran once")
			.isEqualTo(List.of("a1", "shout A1!", "a2", "shout A2!!"));
	}

	@Test
	void dependencyOfAnUpdateThisPageDoesNotApplyIsNotEvaluated(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.sendUpdate(200, List.of(inlineModule(DEP_A, "dep-a-v2.js", List.of(CLIENT))),
				update(GREETING, GREETING, 200, "greeting-v2.js", List.of(CLIENT, DEP_A + "?t=200")));
		hmr.awaitReceived("updated");
		assertThat(hmr.evaluate("window.evaluations")).isNull();
		assertThat(page.locator("#greeting").count()).isZero();
	}

	private static AtomicInteger countVersionedRequests(Page page) {
		AtomicInteger requests = new AtomicInteger();
		page.route((url) -> url.contains("?t="), (route) -> {
			requests.incrementAndGet();
			route.fallback();
		});
		return requests;
	}

}

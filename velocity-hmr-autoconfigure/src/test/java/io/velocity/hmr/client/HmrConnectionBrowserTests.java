package io.velocity.hmr.client;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the HMR client's connection in Chromium: the socket URL, keep-alive, server
 * messages other than updates, reconnecting and reloading after a server restart.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class HmrConnectionBrowserTests {

	@Test
	void connectsToThePageOriginWithTheToken(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		assertThat(hmr.connections()).extracting(WebSocketRoute::url)
			.containsExactly("ws://velocity.test/__hmr?token=" + HmrTestPage.TOKEN);
	}

	@Test
	void pingsTheServerAndTakesItsPong(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.evaluate("window.__velocity_hmr__.ping()");
		assertThat(hmr.awaitReceived("ping")).isEqualTo("{\"type\":\"ping\"}");
		hmr.send("{\"type\":\"pong\"}");
		// Messages are handled in order, so once this one is logged the pong was handled.
		hmr.send(
				"{\"type\":\"error\",\"message\":\"marker\",\"file\":\"App.tsx\",\"line\":0,\"column\":0,\"frame\":\"\"}");
		hmr.awaitConsole("[velocity] App.tsx marker");
		assertThat(log.errors()).containsExactly("[velocity] App.tsx marker");
	}

	@Test
	void fullReloadReloadsOnceAndPrintsTheReasonAfterwards(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.send("{\"type\":\"full-reload\",\"reason\":\"/fixtures/counter.js has no boundary\","
				+ "\"path\":\"/fixtures/counter.js\"}");
		assertThat(hmr.awaitConsole("[velocity] reloaded: "))
			.isEqualTo("[velocity] reloaded: /fixtures/counter.js has no boundary");
		hmr.awaitLoaded();
		assertThat(hmr.evaluate("sessionStorage.getItem('saved-before-reload')"))
			.as("the listener that answered late ran")
			.isEqualTo("/fixtures/counter.js has no boundary");
		assertThat(hmr.loads()).isEqualTo(2);
	}

	@Test
	void fullReloadForModulesThisPageDidNotLoadIsIgnored(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.send("{\"type\":\"full-reload\",\"reason\":\"/other/main.js has no boundary\","
				+ "\"path\":\"/other/main.js\",\"paths\":[\"/other/main.js\",\"/other/entry.js\"]}");
		assertThat(hmr.awaitConsole("[velocity] not reloading"))
			.isEqualTo("[velocity] not reloading, this page did not load /other/main.js, /other/entry.js: "
					+ "/other/main.js has no boundary");
		assertThat(hmr.loads()).isOne();
	}

	@Test
	void compileErrorIsLoggedWithItsPlaceAndFrame(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.send("{\"type\":\"error\",\"message\":\"Expected ';'\",\"file\":\"App.tsx\",\"line\":3,\"column\":7,"
				+ "\"frame\":\"  3 | let x y\\n    |       ^\"}");
		assertThat(hmr.awaitConsole("[velocity] App.tsx"))
			.isEqualTo("[velocity] App.tsx:3:7 Expected ';'\n  3 | let x y\n    |       ^");
		hmr.awaitTrue("window.heard.includes(\"velocity:error Expected ';'\")");
	}

	@Test
	void unknownMessageTypeIsLoggedAsError(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.send("{\"type\":\"reload-everything\"}");
		assertThat(hmr.awaitConsole("[velocity] unknown message type "))
			.startsWith("[velocity] unknown message type reload-everything");
		assertThat(log.errors()).hasSize(1);
	}

	@Test
	void lostConnectionReconnectsWhenTheSameServerAnswers(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.connections()
			.get(0)
			.close(new WebSocketRoute.CloseOptions().setCode(1001).setReason("Server shutting down"));
		hmr.awaitConsole("[velocity] server connection lost, waiting for it…");
		hmr.page().waitForCondition(() -> hmr.statusRequests() > 0);
		hmr.statusInstance(HmrTestPage.INSTANCE);
		hmr.page().waitForCondition(() -> hmr.connections().size() == 2);
		hmr.awaitTrue("window.heard.at(-1) === 'velocity:ws:connect'");
		assertThat(hmr.evaluate("window.heard.slice(-2)"))
			.isEqualTo(List.of("velocity:ws:disconnect", "velocity:ws:connect"));
		assertThat(hmr.connections().get(1).url()).endsWith("/__hmr?token=" + HmrTestPage.TOKEN);
		assertThat(hmr.statusRequests()).as("polled while the server was down").isGreaterThan(1);
		assertThat(hmr.loads()).isOne();
	}

	@Test
	void restartedServerReloadsThePageOnlyOnce(BrowserContext context, Page page, ConsoleLog log) {
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		// A misbehaving server: it keeps serving the page of instance-1 but says it is
		// instance-2.
		hmr.statusInstance("instance-2");
		hmr.connectedInstance("instance-2");
		hmr.connections().get(0).close(new WebSocketRoute.CloseOptions().setCode(1001));
		assertThat(hmr.awaitConsole("[velocity] reloaded: "))
			.startsWith("[velocity] reloaded: the server restarted (instance instance-2");
		assertThat(hmr.awaitConsole("[velocity] the server (instance instance-2) did not serve this page"))
			.endsWith("not reloading again, reload the page yourself");
		assertThat(hmr.loads()).isEqualTo(2);
	}

	@Test
	void refusedConnectionIsNotRetried(BrowserContext context, Page page, ConsoleLog log) {
		// The page's timers run only when the test moves the clock on, past every retry
		// delay.
		context.clock().install();
		HmrTestPage hmr = HmrTestPage.open(context, page, log, "counter");
		hmr.connections()
			.get(0)
			.close(new WebSocketRoute.CloseOptions().setCode(1007).setReason("Unknown message type"));
		assertThat(hmr.awaitConsole("[velocity] the server refused"))
			.contains("(1007 Unknown message type); not reconnecting");
		page.clock().runFor(60_000);
		assertThat(hmr.evaluate("window.__velocity_hmr__.state")).isEqualTo("closed");
		assertThat(hmr.evaluate("window.heard.at(-1)")).isEqualTo("velocity:ws:disconnect");
		assertThat(hmr.statusRequests()).isZero();
		assertThat(hmr.connections()).hasSize(1);
	}

}

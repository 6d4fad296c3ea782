package io.velocity.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.microsoft.playwright.Route;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot module replacement end to end: the sample app in the dev profile over a copy of its
 * front end, opened in Chromium; each test edits files on disk and watches the page.
 */
class HotModuleReplacementBrowserTests extends HotReloadTestSupport {

	@Test
	void editingAComponentSwapsItInPlaceKeepingItsStateAndItsSiblings() {
		clickIncrement(5);
		try {
			// The new version reads the signal Solid's way, {count()}: a compiled
			// binding.
			sources.edit("Counter.tsx", "Count: {count}", "Clicks: {count()}");
			assertThat(this.page.locator("#count-label")).hasText("Clicks: 5");
			assertNoReload();
			this.page.locator("#increment").click();
			assertThat(this.page.locator("#count-label")).hasText("Clicks: 6");
			assertThat(this.page.evaluate("() => document.querySelector('#header') === window.__header"))
				.as("sibling component's DOM node is the same node")
				.isEqualTo(true);
			assertLogged("[velocity] hot updated /frontend/Counter.tsx");
		}
		finally {
			sources.edit("Counter.tsx", "Clicks: {count()}", "Count: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Count: 6");
		}
	}

	@Test
	void editingAUtilityUpdatesTheComponentThatUsesItKeepingItsState() {
		clickIncrement(2);
		AtomicInteger utilsRequests = new AtomicInteger();
		Predicate<String> versionedUtils = (url) -> url.contains("/frontend/utils.ts?t=");
		Consumer<Route> counter = (route) -> {
			utilsRequests.incrementAndGet();
			route.fallback();
		};
		this.page.route(versionedUtils, counter);
		try {
			sources.edit("utils.ts", "noun + 's'", "noun + 'z'");
			assertThat(this.page.locator("#count-hint")).hasText("You clicked 2 timez.");
			assertThat(this.page.locator("#count-label")).hasText("Count: 2");
			assertNoReload();
			assertThat(utilsRequests).as("the update carries the new utils.ts inline").hasValue(0);
		}
		finally {
			sources.edit("utils.ts", "noun + 'z'", "noun + 's'");
			assertThat(this.page.locator("#count-hint")).hasText("You clicked 2 times.");
			this.page.unroute(versionedUtils, counter);
		}
	}

	@Test
	void aPageWithAStrictContentSecurityPolicyHotUpdatesFromTheServer() {
		// script-src 'self' refuses the data: and blob: URLs that update code is
		// evaluated from; the client imports each updated module from its versioned URL.
		List<String> versioned = new CopyOnWriteArrayList<>();
		this.page.onRequest((request) -> {
			// A bundled page asks for the new version's definition:
			// /__velocity/bundle?entry=%2Ffrontend%2FCounter.tsx%3Ft%3D…
			if (URLDecoder.decode(request.url(), StandardCharsets.UTF_8).contains("/frontend/Counter.tsx?t=")) {
				versioned.add(request.url());
			}
		});
		this.page.navigate(url("/strict.html"));
		awaitSocket();
		this.page.evaluate("() => window.__marker = 'no reload'");
		clickIncrement(3);
		try {
			sources.edit("Counter.tsx", "Count: {count}", "Strict: {count()}");
			assertThat(this.page.locator("#count-label")).hasText("Strict: 3");
			assertNoReload();
			assertThat(versioned).as("the update was imported from the server").isNotEmpty();
			assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
			assertLogged("[velocity] hot updated /frontend/Counter.tsx");
		}
		finally {
			sources.edit("Counter.tsx", "Strict: {count()}", "Count: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Count: 3");
		}
		// Only Chromium's reports of the client's probes, once per page, for data: and
		// blob:
		// modules.
		assertThat(this.console.errors()).hasSize(2)
			.allSatisfy((error) -> assertThat(error).contains("violates the following Content Security Policy")
				.containsAnyOf("'data:", "'blob:"));
	}

	@Test
	void editingTheEntryModuleReloadsOnceSaysWhyAndKeepsComponentState() {
		clickIncrement(4);
		int before = this.loads.get();
		// Not undone afterwards: that would reload the next test's page.
		sources.edit("main.tsx", "has no #app element", "has no #app element to render the sample into");
		this.page.waitForCondition(() -> this.loads.get() == before + 1);
		// Signal state is kept across a reload the client triggers.
		assertThat(this.page.locator("#count-label")).hasText("Count: 4");
		assertLogged("[velocity] reloaded: /frontend/main.tsx");
		// A hot edit after the reload applies in place: the page is not caught in a
		// reload loop.
		this.page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		this.page.evaluate("() => window.__marker = 'no reload'");
		sources.edit("Header.tsx", "hot-replaced on save", "hot-replaced on every save");
		try {
			assertThat(this.page.locator(".tagline")).containsText("hot-replaced on every save");
			assertNoReload();
			assertThat(this.loads.get()).isEqualTo(before + 1);
		}
		finally {
			sources.edit("Header.tsx", "hot-replaced on every save", "hot-replaced on save");
			assertThat(this.page.locator(".tagline")).not().containsText("every save");
		}
	}

	@Test
	void moduleUsingTheHotApiDisposesThenReceivesItsNewVersionWithItsData() {
		sources.edit("probe.ts", "export const version = 1;", "export const version = 2;");
		try {
			this.page.waitForFunction("() => window.__probe.log.includes('accepted 2')");
			assertThat(probeLog()).containsSubsequence("run 1 (runs: 1)", "dispose 1", "run 2 (runs: 2)",
					"url /frontend/logo.svg", "accepted 2");
			assertThat(probeLog()).filteredOn((line) -> line.startsWith("url "))
				.as("import.meta.url resolves as the module's own URL in its new version too")
				.containsOnly("url /frontend/logo.svg");
			assertNoReload();
		}
		finally {
			sources.edit("probe.ts", "export const version = 2;", "export const version = 1;");
			this.page.waitForFunction("() => window.__probe.log.at(-1) === 'accepted 1'");
		}
	}

	@Test
	void deletedModuleIsReportedAndRestoringItRecovers() {
		String footer = sources.read("Footer.tsx");
		sources.delete("Footer.tsx");
		try {
			this.page.waitForCondition(() -> this.console.errors()
				.stream()
				.anyMatch((text) -> text.contains("App.tsx") && text.contains("./Footer")));
		}
		finally {
			sources.write("Footer.tsx", footer.replace("and save", "and save again"));
		}
		assertThat(this.page.locator("#footer")).containsText("and save again");
		assertNoReload();
		sources.write("Footer.tsx", footer);
		assertThat(this.page.locator("#footer")).not().containsText("and save again");
	}

	@Test
	void renamedModuleIsPickedUpWhenItsImporterFollows() {
		sources.rename("Header.tsx", "Banner.tsx");
		try {
			sources.edit("App.tsx", "import Header from './Header';", "import Header from './Banner';");
			sources.edit("Banner.tsx", "hot-replaced on save", "renamed and hot-replaced");
			assertThat(this.page.locator(".tagline")).containsText("renamed and hot-replaced");
			assertNoReload();
		}
		finally {
			sources.edit("Banner.tsx", "renamed and hot-replaced", "hot-replaced on save");
			sources.rename("Banner.tsx", "Header.tsx");
			sources.edit("App.tsx", "import Header from './Banner';", "import Header from './Header';");
			assertThat(this.page.locator(".tagline"))
				.hasText("TypeScript compiled inside the JVM, hot-replaced on save.");
		}
	}

	@Test
	void newModuleImportedByAnEditedOneAppearsKeepingState() {
		clickIncrement(3);
		sources.write("Badge.tsx", fixture("Badge.tsx"));
		String counter = sources.read("Counter.tsx");
		try {
			sources.write("Counter.tsx",
					counter
						.replace("import { plural } from './utils';",
								"import { plural } from './utils';\nimport Badge from './Badge';")
						.replace("<p id=\"count-label\">", "<Badge />\n      <p id=\"count-label\">"));
			assertThat(this.page.locator("#badge")).hasText("new");
			assertThat(this.page.locator("#count-label")).hasText("Count: 3");
			assertNoReload();
		}
		finally {
			sources.write("Counter.tsx", counter);
			assertThat(this.page.locator("#badge")).hasCount(0);
		}
	}

	@SuppressWarnings("unchecked")
	private List<String> probeLog() {
		return (List<String>) this.page.evaluate("() => window.__probe.log");
	}

}

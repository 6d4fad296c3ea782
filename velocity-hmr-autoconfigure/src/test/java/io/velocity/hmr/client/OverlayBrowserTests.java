package io.velocity.hmr.client;

import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.StaticRoutes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the error overlay ({@code overlay.js}) in Chromium: what it shows for compile
 * problems and runtime errors, how it closes, and that it stays inert text under a strict
 * Content Security Policy.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class OverlayBrowserTests {

	private static final String SHOW_COMPILE_PROBLEM = "async () => overlay.showError(await loadJson('compile-problem.json'))";

	private Page page;

	private ConsoleLog log;

	private BrowserContext context;

	@BeforeEach
	void serveFixtures(BrowserContext context, Page page, ConsoleLog log) {
		OverlayFixtures.serve(context);
		this.context = context;
		this.page = page;
		this.log = log;
	}

	@Test
	void compileProblemShowsTitleMessageLocationAndFrame() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		PlaywrightAssertions.assertThat(overlay(".title")).hasText("Compile error");
		PlaywrightAssertions.assertThat(overlay(".message")).hasText("Expected ',', got 'count'");
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("components/Counter.tsx:6:12");
		assertThat(overlay(".frame").textContent())
			.contains("> 6 | \treturn <b count>{count()}</b>;\n    | \t          ^\n");
		PlaywrightAssertions.assertThat(overlay(".hint"))
			.hasText("Click outside or press Esc to close. Fix the code and save: the page updates by itself.");
		assertThat(isTrue(
				"overlay.hasOverlay() && document.querySelector('velocity-error-overlay').parentNode === document.documentElement"))
			.isTrue();
	}

	@Test
	void textIsNotInterpretedAsHtml() {
		open();
		String message = "Unexpected <img src=x onerror=\"window.pwned = true\"> in JSX";
		this.page.evaluate(
				"(message) => overlay.showError({ kind: 'compile', message, file: '<b>App</b>.tsx', line: 1, column: 1,"
						+ " frame: '<script>window.pwned = true</script>' })",
				message);
		PlaywrightAssertions.assertThat(overlay(".message")).hasText(message);
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("<b>App</b>.tsx:1:1");
		assertThat(isTrue(
				"document.querySelector('velocity-error-overlay').shadowRoot.querySelectorAll('img, b, script').length === 0"))
			.isTrue();
		assertThat(isTrue("window.pwned === undefined")).isTrue();
	}

	@Test
	void escapeCloses() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		PlaywrightAssertions.assertThat(overlay(".dialog")).isVisible();
		this.page.keyboard().press("Escape");
		PlaywrightAssertions.assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		assertThat(isTrue("overlay.hasOverlay() === false")).isTrue();
	}

	@Test
	void clickOnTheBackdropClosesAndClickInTheDialogDoesNot() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		overlay(".frame").click();
		PlaywrightAssertions.assertThat(overlay(".dialog")).isVisible();
		overlay(".backdrop").click(new Locator.ClickOptions().setPosition(5, 5));
		PlaywrightAssertions.assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
	}

	@Test
	void showingTwiceKeepsOneOverlayWithTheLatestError() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		this.page.evaluate(
				"() => overlay.showError({ kind: 'update', error: new TypeError('Failed to fetch'), file: 'App.tsx' })");
		PlaywrightAssertions.assertThat(this.page.locator("velocity-error-overlay")).hasCount(1);
		PlaywrightAssertions.assertThat(overlay(".title")).hasText("Failed to apply update");
		PlaywrightAssertions.assertThat(overlay(".message")).hasText("TypeError: Failed to fetch");
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("App.tsx");
	}

	@Test
	void aModuleScriptThatFailsToLoadSaysWhichOne() {
		open();
		loadMissingModuleScript();
		PlaywrightAssertions.assertThat(overlay(".message"))
			.containsText("The module script " + StaticRoutes.ORIGIN + "/fixtures/missing.js could not be loaded");
	}

	@Test
	void aModuleScriptThatFailsToLoadDoesNotCoverTheCompileProblemBehindIt() {
		// The server reports the compile problem when the socket opens, which can be
		// before the browser gives up on the script that imports the broken module.
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		loadMissingModuleScript();
		PlaywrightAssertions.assertThat(this.page.locator("velocity-error-overlay")).hasCount(1);
		PlaywrightAssertions.assertThat(overlay(".title")).hasText("Compile error");
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("components/Counter.tsx:6:12");
	}

	@Test
	void overlayOutlivesAReplacedBody() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		this.page.evaluate("() => document.body.replaceWith(document.createElement('body'))");
		PlaywrightAssertions.assertThat(overlay(".dialog")).isVisible();
	}

	@Test
	void clearOverlayRemovesIt() {
		open();
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		PlaywrightAssertions.assertThat(overlay(".dialog")).isVisible();
		this.page.evaluate("() => overlay.clearOverlay()");
		PlaywrightAssertions.assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
	}

	@Test
	void disabledOverlayShowsNothing() {
		open();
		this.page.evaluate("() => overlay.setOverlayOptions({ enabled: false })");
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		assertThat(
				isTrue("overlay.hasOverlay() === false && document.querySelector('velocity-error-overlay') === null"))
			.isTrue();
	}

	@Test
	void runtimeErrorInAnEffectShowsTheOriginalSourcePosition() {
		open();
		this.page.evaluate(
				"async () => (await import('/frontend/Gauge.tsx?t=1')).startGauge({ value: 1, unit: 'bar' })(101)");
		PlaywrightAssertions.assertThat(overlay(".title")).hasText("Runtime error");
		PlaywrightAssertions.assertThat(overlay(".message")).hasText("RangeError: Gauge overflow: 101 bar");
		PlaywrightAssertions.assertThat(overlay(".stack")).containsText("at /frontend/Gauge.tsx:12:10");
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("/frontend/Gauge.tsx:12:10");
		assertThat(overlay(".frame").textContent()).contains("> 12 | \t\t\tthrow new RangeError(");
	}

	@Test
	void runtimeErrorInAJsxExpressionShowsItsTsxLine() {
		open();
		this.page.evaluate("async () => { await import('/frontend/Throws.tsx'); window.setValue(101); }");
		PlaywrightAssertions.assertThat(overlay(".message")).hasText("RangeError: Too big: 101");
		PlaywrightAssertions.assertThat(overlay(".location")).hasText("/frontend/Throws.tsx:9:9");
		// The frame of the binding {check(value())}: line 17 of the .tsx, at check(.
		PlaywrightAssertions.assertThat(overlay(".stack")).containsText("/frontend/Throws.tsx:17:15");
	}

	@Test
	void runtimeErrorInCodeImportedFromARegisteredBlobShowsTheOriginalSourcePosition() {
		open();
		String code = OverlayFixtures.compiledCode("explode.ts");
		this.page.evaluate("""
				async (code) => {
					const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
					overlay.registerModuleSource(url, '/frontend/explode.ts', code);
					try {
						(await import(url)).explode({ reason: 'worse' });
					}
					catch (error) {
						overlay.showError({ kind: 'runtime', error });
					}
				}""", code);
		PlaywrightAssertions.assertThat(overlay(".message")).hasText("Exploded: worse");
		PlaywrightAssertions.assertThat(overlay(".stack")).containsText("explode (/frontend/explode.ts:8:8)");
		assertThat(overlay(".frame").textContent()).contains(">  8 | \tthrow new Error(`Exploded: ${detail.reason}`);");
	}

	@Test
	void underAStrictStylePolicyTheOverlayIsStyledWithoutViolations() {
		open(OverlayFixtures.servePageWithHeaders(this.context, "/csp.html",
				Map.of("Content-Security-Policy", "style-src 'self'")));
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		assertStyledWithoutViolations();
	}

	@Test
	void withoutConstructableStylesheetsTheStyleElementCarriesTheNonce() {
		open(OverlayFixtures.servePageWithHeaders(this.context, "/nonce.html",
				Map.of("Content-Security-Policy", "style-src 'nonce-c3R5bGU'")));
		this.page.evaluate("() => { delete CSSStyleSheet.prototype.replaceSync;"
				+ " overlay.setOverlayOptions({ nonce: 'c3R5bGU' }); }");
		this.page.evaluate(SHOW_COMPILE_PROBLEM);
		assertThat(
				isTrue("document.querySelector('velocity-error-overlay').shadowRoot.querySelector('style') !== null"))
			.isTrue();
		assertStyledWithoutViolations();
	}

	private void assertStyledWithoutViolations() {
		PlaywrightAssertions.assertThat(overlay(".dialog")).isVisible();
		assertThat(this.page.evaluate("() => getComputedStyle(document.querySelector('velocity-error-overlay')"
				+ ".shadowRoot.querySelector('.dialog')).backgroundColor"))
			.isEqualTo("rgb(27, 29, 35)");
		assertThat(this.page.evaluate("() => window.violations")).asList().isEmpty();
		assertThat(this.log.errors()).as(this.log::toString).isEmpty();
	}

	/**
	 * Watch the page's load as the HMR client does, then add a module script the server
	 * answers with 404, and wait until the browser has given up on it.
	 */
	private void loadMissingModuleScript() {
		this.page.evaluate(
				"""
						async () => {
							(await import('/__velocity/load-errors.js')).watchPageLoad();
							const script = Object.assign(document.createElement('script'), { type: 'module', src: '/fixtures/missing.js' });
							const failed = new Promise((resolve) => script.addEventListener('error', resolve));
							document.body.append(script);
							await failed;
						}""");
	}

	private void open() {
		OverlayFixtures.open(this.page, OverlayFixtures.PAGE);
	}

	private void open(String url) {
		OverlayFixtures.open(this.page, url);
	}

	private Locator overlay(String selector) {
		return this.page.locator("velocity-error-overlay " + selector);
	}

	private boolean isTrue(String expression) {
		return Boolean.TRUE.equals(this.page.evaluate("() => " + expression));
	}

}

package io.velocity.hmr.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlInjectorTests {

	private static final String TAG = "<script type=\"module\" src=\"/__velocity/hmr-client.js\"></script>";

	@Test
	void injectsFirstInTheHeadSoThatItRunsBeforeThePagesModules() {
		assertThat(HtmlInjector.inject("<html><HEAD><title>x</title></HEAD><body></body></html>", null))
			.isEqualTo("<html><HEAD>" + TAG + "<title>x</title></HEAD><body></body></html>");
	}

	@Test
	void putsOtherHeadTagsBeforeTheClosingHead() {
		assertThat(HtmlInjector.inject("<head><script type=\"module\" src=\"/a.js\"></script></head>", null,
				"<link rel=\"modulepreload\" href=\"/b.js\">"))
			.isEqualTo("<head>" + TAG + "<script type=\"module\" src=\"/a.js\"></script>"
					+ "<link rel=\"modulepreload\" href=\"/b.js\"></head>");
	}

	@Test
	void injectsAfterAnOpeningHeadWithoutAClosingOne() {
		assertThat(HtmlInjector.inject("<html><head lang=\"en\"><body>x", null))
			.isEqualTo("<html><head lang=\"en\">" + TAG + "<body>x");
	}

	@Test
	void injectsAtTheStartButKeepsTheDoctypeFirst() {
		assertThat(HtmlInjector.inject("<!DOCTYPE html>\n<p>fragment</p>", null))
			.isEqualTo("<!DOCTYPE html>" + TAG + "\n<p>fragment</p>");
		assertThat(HtmlInjector.inject("<p>fragment</p>", null)).isEqualTo(TAG + "<p>fragment</p>");
	}

	@Test
	void injectsOnlyOnce() {
		String once = HtmlInjector.inject("<head></head>", null);
		assertThat(HtmlInjector.inject(once, null)).isEqualTo(once);
	}

	@Test
	void injectsIntoAPageThatOnlyPreloadsTheClient() {
		// A bundled page hints the client's modules: the hint neither runs the client nor
		// runs it before the page's own module scripts.
		String preloaded = "<head><link rel=\"modulepreload\" href=\"/__velocity/hmr-client.js\"></head>";
		assertThat(HtmlInjector.inject(preloaded, null)).isEqualTo("<head>" + TAG + preloaded.substring(6));
	}

	@Test
	void carriesTheScriptNonceOfTheContentSecurityPolicy() {
		String nonce = HtmlInjector.nonce("default-src 'self'; script-src 'self' 'nonce-r4nd0m+/='; style-src 'self'");
		assertThat(nonce).isEqualTo("r4nd0m+/=");
		assertThat(HtmlInjector.inject("<head></head>", nonce)).contains("nonce=\"r4nd0m+/=\"></script>");
	}

	@Test
	void fallsBackToTheDefaultSourceNonceAndIgnoresStyleNonces() {
		assertThat(HtmlInjector.nonce("default-src 'nonce-abc'")).isEqualTo("abc");
		assertThat(HtmlInjector.nonce("style-src 'nonce-abc'")).isNull();
		assertThat(HtmlInjector.nonce(null)).isNull();
	}

	@Test
	void takesTheNonceOfThePagesScriptsWhenThePolicyHeaderHasNone() {
		String html = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'nonce-m3ta'\">"
				+ "<script type=\"module\" nonce=\"m3ta\" src=\"/frontend/main.tsx\"></script></head>";
		assertThat(HtmlInjector.nonce(null, html)).isEqualTo("m3ta");
		assertThat(HtmlInjector.nonce("script-src 'nonce-h3ader'", html)).isEqualTo("h3ader");
		assertThat(HtmlInjector.nonce(null, "<head><script src=\"/a.js\"></script></head>")).isNull();
		assertThat(HtmlInjector.nonce(null, "<head><style nonce=\"s\"></style></head>")).isNull();
	}

}

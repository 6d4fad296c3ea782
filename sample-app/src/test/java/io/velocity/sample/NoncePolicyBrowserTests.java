package io.velocity.sample;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose Content-Security-Policy allows scripts by nonce only ({@code 'self'} does
 * not count) loads the client and hot-updates.
 */
class NoncePolicyBrowserTests extends HotReloadTestSupport {

	@Test
	void aPageWhosePolicyAllowsOnlyItsNonceHotUpdates() {
		// The policy is in a meta tag: the client takes the nonce of the page's own
		// script, and the modules it imports inherit it.
		this.page.navigate(url("/nonce.html"));
		awaitSocket();
		this.page.evaluate("() => window.__marker = 'no reload'");
		clickIncrement(2);
		try {
			sources.edit("Counter.tsx", "Count: {count}", "Nonce: {count()}");
			assertThat(this.page.locator("#count-label")).hasText("Nonce: 2");
			assertNoReload();
			assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		}
		finally {
			sources.edit("Counter.tsx", "Nonce: {count()}", "Count: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Count: 2");
		}
		assertThat(this.console.errors()).noneMatch((error) -> error.contains("hmr-client.js"))
			.allSatisfy((error) -> assertThat(error).contains("violates the following Content Security Policy")
				.containsAnyOf("'data:", "'blob:"));
	}

}

package io.velocity.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.velocity.hmr.test.ConsoleLog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser sees of the sample built for production, wherever the jar runs: pages
 * pointed at fingerprinted files with their chunks preloaded, every script and style
 * sheet fingerprinted and cached for good, compressed, and the app working.
 */
final class BuiltFrontEnd {

	static final String FINGERPRINTED = ".*/__velocity/build/.+-[A-Z0-9]{8}\\.(js|css)$";

	private BuiltFrontEnd() {
	}

	/**
	 * Load the home page and use it; return every script and style sheet response.
	 */
	static List<Response> assertHomePageWorks(Page page, ConsoleLog console, String base) {
		List<Response> responses = record(page);
		page.navigate(base + "/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Velocity HMR"))).isVisible();
		assertThat(page.locator("#count-label")).hasText("Count: 0");
		page.locator("#increment").click();
		page.locator("#increment").click();
		assertThat(page.locator("#count-label")).hasText("Count: 2");
		assertThat(page.locator("#count-hint")).hasText("You clicked 2 times.");
		assertThat(page.locator("#greeting")).hasText("Hello, Velocity!");
		assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#count-label')).color"))
			.as("Counter.css, imported by Counter.tsx, extracted by the build, applies")
			.isEqualTo("rgb(52, 81, 178)");
		assertThat(page.locator("script[type=module]")).hasCount(1);
		assertThat(page.locator("script[type=module]").getAttribute("src")).matches(FINGERPRINTED);
		assertThat(page.locator("link[rel=modulepreload]").count()).isPositive();
		assertFingerprintedAndImmutable(responses);
		assertThat(console.pageErrors()).isEmpty();
		assertThat(console.errors()).isEmpty();
		return responses;
	}

	static List<Response> record(Page page) {
		List<Response> responses = new CopyOnWriteArrayList<>();
		page.onResponse((response) -> {
			String type = response.request().resourceType();
			if (type.equals("script") || type.equals("stylesheet")) {
				responses.add(response);
			}
		});
		return responses;
	}

	static void assertFingerprintedAndImmutable(List<Response> responses) {
		assertThat(responses).isNotEmpty();
		for (Response response : responses) {
			Map<String, String> headers = response.allHeaders();
			assertThat(response.url()).as("every script and style sheet is fingerprinted").matches(FINGERPRINTED);
			assertThat(response.status()).as(response.url()).isEqualTo(200);
			assertThat(headers.get("cache-control")).as(response.url())
				.isEqualTo("public, max-age=31536000, immutable");
		}
	}

}

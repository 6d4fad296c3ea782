package io.velocity.hmr.runtime;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot swap of components that compiled JSX renders through the web layer's insertion,
 * against the fixtures in {@code fixtures/hot/}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class CompiledHotSwapBrowserTests {

	private Page page;

	@BeforeEach
	void openApp(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		this.page = page;
		RuntimeFixtures.open(page, log, "hot/conditional");
	}

	@Test
	void aConditionalChildSwappedInPlaceIsStillReplacedWholeByItsParent() {
		expect("#host .badge").hasText("v1 7");
		this.page.evaluate("async () => { await import('/fixtures/hot/badge-v2.js'); }");
		expect("#host .badge").hasText("v2 7");
		this.page.evaluate("() => setShown(false)");
		expect("#host .badge").hasCount(0);
		assertThat(RuntimeFixtures.isTrue(this.page,
				"[...document.getElementById('host').childNodes]"
						+ ".every((node) => node.nodeType !== Node.COMMENT_NODE)"))
			.as("the swapped instance's markers went with it")
			.isTrue();
		expect("#host").hasText("beforeafter");
		this.page.evaluate("() => setShown(true)");
		expect("#host .badge").hasCount(1);
		expect("#host .badge").hasText("v2 7");
		assertThat(RuntimeFixtures.isTrue(this.page,
				"document.querySelector('#host .badge').nextElementSibling.tagName === 'I'"))
			.as("in its place, before <i>")
			.isTrue();
	}

	private LocatorAssertions expect(String selector) {
		return PlaywrightAssertions.assertThat(this.page.locator(selector));
	}

}

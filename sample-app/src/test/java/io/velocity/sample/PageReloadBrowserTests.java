package io.velocity.sample;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Server-rendered pages: a saved template or static page reloads the pages open in the
 * browser and shows the edit, with no build and no browser extension.
 */
class PageReloadBrowserTests extends HotReloadTestSupport {

	@Test
	void editingATemplateReloadsTheOpenPageWithTheEdit() {
		this.page.navigate(url("/about"));
		awaitSocket();
		int loadsBefore = this.loads.get();
		pages.edit("templates/about.html", "About this sample", "About this lovely sample");
		try {
			this.page.waitForCondition(() -> this.loads.get() == loadsBefore + 1);
			assertThat(this.page.locator("#about-title")).hasText("About this lovely sample");
			assertLogged("[velocity] reloaded: templates/about.html changed");
		}
		finally {
			// The reloaded page must be connected to see the next reload.
			awaitSocket();
			pages.edit("templates/about.html", "About this lovely sample", "About this sample");
			this.page.waitForCondition(() -> this.loads.get() == loadsBefore + 2);
		}
	}

	@Test
	void editingAStaticPageReloadsItAndKeepsComponentState() {
		clickIncrement(2);
		int loadsBefore = this.loads.get();
		pages.edit("static/index.html", "<title>Velocity HMR sample</title>", "<title>Velocity HMR demo</title>");
		try {
			this.page.waitForCondition(() -> this.loads.get() == loadsBefore + 1);
			assertThat(this.page).hasTitle("Velocity HMR demo");
			assertThat(this.page.locator("#count-label")).hasText("Count: 2");
		}
		finally {
			awaitSocket();
			pages.edit("static/index.html", "<title>Velocity HMR demo</title>", "<title>Velocity HMR sample</title>");
			this.page.waitForCondition(() -> this.loads.get() == loadsBefore + 2);
		}
	}

}

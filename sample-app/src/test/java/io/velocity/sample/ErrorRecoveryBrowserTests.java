package io.velocity.sample;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a developer sees when an edit goes wrong, and that fixing it is all it takes: the
 * overlay, the previous UI kept working, and recovery without a reload.
 */
class ErrorRecoveryBrowserTests extends HotReloadTestSupport {

	@Test
	void syntaxErrorShowsInTheOverlayAndTheFixRemovesItAndApplies() {
		clickIncrement(3);
		sources.edit("Counter.tsx", "</button>", "</buton>");
		assertThat(this.page.locator("velocity-error-overlay")).containsText("Counter.tsx:");
		assertThat(this.page.locator("velocity-error-overlay")).containsText("</buton>");
		sources.edit("Counter.tsx", "</buton>", "</button>");
		sources.edit("Counter.tsx", "Count: {count}", "Total: {count}");
		try {
			assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
			assertThat(this.page.locator("#count-label")).hasText("Total: 3");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.tsx", "Total: {count}", "Count: {count}");
			assertThat(this.page.locator("#count-label")).hasText("Count: 3");
		}
	}

	@Test
	void errorThrownWhileApplyingAnUpdateLeavesThePreviousUiWorking() {
		clickIncrement(1);
		sources.edit("Counter.tsx", "const [count, setCount] = createSignal(0);",
				"const [count, setCount] = createSignal(0);\n  if (count() >= 0) throw new Error('counter exploded');");
		try {
			assertThat(this.page.locator("velocity-error-overlay")).containsText("counter exploded");
			this.page.keyboard().press("Escape");
			assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
			this.page.locator("#increment").click();
			assertThat(this.page.locator("#count-label")).hasText("Count: 2");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.tsx", "\n  if (count() >= 0) throw new Error('counter exploded');", "");
			assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		}
	}

	@Test
	void changingAComponentsSignalsResetsItsStateAndSaysWhy() {
		clickIncrement(4);
		sources.edit("Counter.tsx", "const [count, setCount] = createSignal(0);",
				"const [count, setCount] = createSignal(0);\n  const [step] = createSignal(1);");
		try {
			assertThat(this.page.locator("#count-label")).hasText("Count: 0");
			assertLogged("[velocity] Counter: signals changed (1 → 2), state reset");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.tsx", "\n  const [step] = createSignal(1);", "");
			assertThat(this.page.locator("#count-label")).hasText("Count: 0");
		}
	}

	@Test
	void pageLoadedWhileAModuleIsBrokenReloadsWhenItIsFixed() {
		sources.edit("Footer.tsx", "</footer>", "</foter>");
		assertThat(this.page.locator("velocity-error-overlay")).containsText("Footer.tsx:");
		int loadsBefore = this.loads.get();
		this.page.navigate(url("/"));
		this.page.waitForCondition(() -> this.loads.get() == loadsBefore + 1);
		assertThat(this.page.locator("velocity-error-overlay")).containsText("Footer.tsx:");
		assertThat(this.page.locator("#count-label")).hasCount(0);
		sources.edit("Footer.tsx", "</foter>", "</footer>");
		assertThat(this.page.locator("#count-label")).hasText("Count: 0");
		assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		assertThat(this.loads.get()).isEqualTo(loadsBefore + 2);
	}

}

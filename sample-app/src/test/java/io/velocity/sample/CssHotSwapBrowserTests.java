package io.velocity.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Style sheet hot swap end to end, on a copy of the sample's front end in the dev
 * profile: {@code styles.css} is linked by {@code index.html}, {@code Counter.css}
 * imported by {@code Counter.tsx}.
 */
class CssHotSwapBrowserTests extends HotReloadTestSupport {

	private static final String COUNTER_STYLE = "style[data-velocity-css='/frontend/Counter.css']";

	private static final String WHITE = "rgb(255, 255, 255)";

	private static final String LEMON = "rgb(255, 250, 205)";

	@AfterEach
	void noConsoleErrors() {
		assertThat(this.console.errors()).as(this.console.toString()).isEmpty();
	}

	@Test
	void editingALinkedSheetSwapsItWithoutEverLeavingThePageUnstyled() {
		this.page.evaluate(fixture("sheet-watch.js"));
		assertThat(cardBackground()).isEqualTo(WHITE);
		sources.edit("styles.css", "background: #fff;", "background: #fffacd;");
		try {
			this.page.waitForFunction(
					"(color) => getComputedStyle(document.querySelector('.card'))" + ".backgroundColor === color",
					LEMON);
			assertLogged("[velocity] css updated /frontend/styles.css");
			assertThat(this.page.locator("link[rel=stylesheet][href*='styles.css']")).hasCount(1);
			assertThat(this.page.locator("link[rel=stylesheet][href*='styles.css?t=']")).hasCount(1);
			List<Map<String, Object>> states = sheetStates();
			assertThat(states).as("the new link was inserted before the old one went")
				.contains(Map.of("links", 2, "loaded", 1, "background", WHITE));
			assertThat(states).as("at every change to <head> a loaded sheet styled the page").allSatisfy((state) -> {
				assertThat((Integer) state.get("loaded")).isGreaterThanOrEqualTo(1);
				assertThat(state.get("background")).isIn(WHITE, LEMON);
			});
			assertNoReload();
		}
		finally {
			sources.edit("styles.css", "background: #fffacd;", "background: #fff;");
		}
		this.page.waitForFunction(
				"(color) => getComputedStyle(document.querySelector('.card'))" + ".backgroundColor === color", WHITE);
	}

	@Test
	void editingAnImportedSheetUpdatesItsStyleElementInPlaceKeepingState() {
		clickIncrement(3);
		assertThat(this.page.locator(COUNTER_STYLE)).hasCount(1);
		this.page.evaluate("(selector) => window.__counterStyle = document.querySelector(selector)", COUNTER_STYLE);
		assertThat(countLabelColor()).isEqualTo("rgb(52, 81, 178)");
		sources.edit("Counter.css", "color: #3451b2;", "color: #c92a2a;");
		try {
			this.page.waitForFunction(
					"() => getComputedStyle(document.querySelector('#count-label')).color" + " === 'rgb(201, 42, 42)'");
			assertThat(this.page.evaluate("(selector) => document.querySelector(selector) === window.__counterStyle",
					COUNTER_STYLE))
				.as("the same style element")
				.isEqualTo(true);
			assertThat(this.page.locator(COUNTER_STYLE)).hasCount(1);
			assertThat((String) this.page.evaluate("() => window.__counterStyle.textContent")).contains("#c92a2a");
			assertThat(this.page.locator("#count-label")).hasText("Count: 3");
			assertLogged("[velocity] hot updated /frontend/Counter.css");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.css", "color: #c92a2a;", "color: #3451b2;");
		}
		this.page.waitForFunction("() => window.__counterStyle.textContent.includes('#3451b2')");
	}

	@Test
	void editingTheComponentThatImportsASheetKeepsOneStyleElement() {
		clickIncrement(2);
		sources.edit("Counter.tsx", "Count: {count}", "Clicks: {count}");
		try {
			assertThat(this.page.locator("#count-label")).hasText("Clicks: 2");
			assertThat(this.page.locator(COUNTER_STYLE)).hasCount(1);
			assertThat(countLabelColor()).isEqualTo("rgb(52, 81, 178)");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.tsx", "Clicks: {count}", "Count: {count}");
		}
		assertThat(this.page.locator("#count-label")).hasText("Count: 2");
	}

	@Test
	void removingTheImportOfASheetRemovesItsStyleElement() {
		sources.edit("Counter.tsx", "import './Counter.css';\n", "");
		try {
			assertThat(this.page.locator(COUNTER_STYLE)).hasCount(0);
			assertThat(this.page.locator("#count-label")).hasText("Count: 0");
			assertNoReload();
		}
		finally {
			sources.edit("Counter.tsx", "import { plural } from './utils';",
					"import { plural } from './utils';\nimport './Counter.css';");
		}
		assertThat(this.page.locator(COUNTER_STYLE)).hasCount(1);
	}

	private String cardBackground() {
		return (String) this.page.evaluate("() => getComputedStyle(document.querySelector('.card')).backgroundColor");
	}

	private String countLabelColor() {
		return (String) this.page.evaluate("() => getComputedStyle(document.querySelector('#count-label')).color");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> sheetStates() {
		return (List<Map<String, Object>>) this.page.evaluate("() => window.__sheetStates");
	}

}

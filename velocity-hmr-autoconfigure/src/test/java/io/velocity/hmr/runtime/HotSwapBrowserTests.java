package io.velocity.hmr.runtime;

import java.util.List;
import java.util.Map;

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
 * Tests for component hot swap ({@code hot-components.js}) in Chromium. The fixtures in
 * {@code fixtures/hot/} stand in for the compiler's development output: each version of a
 * component module registers its component under the same id, and importing a new version
 * is what a save does.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class HotSwapBrowserTests {

	private static final String COUNTER_ID = "/frontend/Counter.tsx#Counter";

	private static final String APP_ID = "/frontend/App.tsx#App";

	private Page page;

	private ConsoleLog log;

	@BeforeEach
	void openApp(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		this.page = page;
		this.log = log;
		RuntimeFixtures.open(page, log, "hot/app");
	}

	@Test
	void swapChangesTheLabelAndKeepsTheCount() {
		click("#first", 5);
		expect("#first .count").hasText("Count: 5");
		swapTo("counter-v2");
		expect("#first .count").hasText("Clicks: 5");
		click("#first", 1);
		expect("#first .count").hasText("Clicks: 6");
		assertThat(this.log.errors()).as(this.log::toString).isEmpty();
	}

	@Test
	void swapKeepsTheParentAndTheSiblingNodes() {
		this.page.evaluate("() => { window.kept = { parent: document.getElementById('parent'),"
				+ " before: document.getElementById('before'), after: document.getElementById('after'),"
				+ " counter: document.getElementById('first') }; kept.before.marker = 'still here'; }");
		swapTo("counter-v2");
		expect("#first .count").hasText("Clicks: 0");
		assertThat(isTrue("document.getElementById('parent') === kept.parent")).isTrue();
		assertThat(isTrue("document.getElementById('before') === kept.before && kept.before.marker === 'still here'"))
			.isTrue();
		assertThat(isTrue("document.getElementById('after') === kept.after")).isTrue();
		assertThat(isTrue("document.getElementById('first') !== kept.counter")).as("the swapped range is new DOM")
			.isTrue();
	}

	@Test
	void swapDisposesTheOldInstanceSoItsIntervalStops() {
		this.page.waitForFunction("() => window.ticks.v1 > 0");
		swapTo("counter-v2");
		this.page.waitForFunction("() => window.ticks.v2 > 0");
		assertThat(this.page.evaluate("() => window.disposed")).isEqualTo(List.of("v1 first", "v1 second"));
		this.page.evaluate("() => { window.stoppedAt = window.ticks.v1; window.control = 0;"
				+ " setInterval(() => window.control++, 5); }");
		this.page.waitForFunction("() => window.control >= 10 && window.ticks.v2 >= 10");
		assertThat(isTrue("window.ticks.v1 === window.stoppedAt")).as("the first version's interval ticks no more")
			.isTrue();
	}

	@Test
	void swapToMoreSignalsResetsTheStateAndSaysWhy() {
		click("#first", 3);
		expect("#first .count").hasText("Count: 3");
		swapTo("counter-step");
		expect("#first .count").hasText("Count: 0 by 10");
		click("#first", 1);
		expect("#first .count").hasText("Count: 10 by 10");
		assertThat(infos()).contains("[velocity] Counter: signals changed (1 → 2), state reset");
	}

	@Test
	void swapToASignalOfAnotherKindResetsTheState() {
		click("#first", 3);
		swapTo("counter-text");
		expect("#first .count").hasText("Count: none");
		assertThat(infos()).contains("[velocity] Counter: signal 1 changed from number to string, state reset");
	}

	@Test
	void failingNewVersionKeepsTheOldOneWorkingAndIsReported() {
		click("#first", 2);
		swapTo("counter-broken");
		this.page.waitForFunction("() => window.reported.length === 2");
		assertThat(this.page.evaluate("() => window.reported"))
			.isEqualTo(List.of("Counter first is broken", "Counter second is broken"));
		expect("#first .count").hasText("Count: 2");
		click("#first", 1);
		expect("#first .count").hasText("Count: 3");
		swapTo("counter-v2");
		expect("#first .count").hasText("Clicks: 3");
		assertThat(components()).isEqualTo(Map.of(COUNTER_ID, 2, APP_ID, 1));
	}

	@Test
	void eachInstanceKeepsItsOwnCount() {
		click("#first", 5);
		click("#second", 2);
		swapTo("counter-v2");
		expect("#first .count").hasText("Clicks: 5");
		expect("#second .count").hasText("Clicks: 2");
		assertThat(components()).isEqualTo(Map.of(COUNTER_ID, 2, APP_ID, 1));
	}

	@Test
	void swappingAParentCreatesItsChildrenAgainWithTheirCounts() {
		click("#first", 3);
		click("#second", 1);
		this.page.evaluate("() => { window.setTitle('Renamed'); window.oldFirst = document.getElementById('first'); }");
		swapTo("app-v2");
		expect("#before").hasText("before, second version");
		expect("#title").hasText("Renamed");
		expect("#first .count").hasText("Count: 3");
		expect("#second .count").hasText("Count: 1");
		assertThat(isTrue("document.getElementById('first') !== window.oldFirst")).isTrue();
		assertThat(components()).isEqualTo(Map.of(COUNTER_ID, 2, APP_ID, 1));
	}

	@Test
	void swappedInstancesInAListStillMoveWithTheirItems() {
		RuntimeFixtures.open(this.page, this.log, "hot/list");
		click("#b", 2);
		swapTo("counter-v2");
		expect("#b .count").hasText("Clicks: 2");
		this.page.evaluate("() => window.setIds(['c', 'b', 'a'])");
		expect("#list > div").hasText(new String[] { "Clicks: 0+", "Clicks: 2+", "Clicks: 0+" });
		assertThat(this.page.evaluate("() => [...document.querySelectorAll('#list > div')].map((div) => div.id)"))
			.isEqualTo(List.of("c", "b", "a"));
		this.page.evaluate("() => window.setIds(['b'])");
		expect("#list > div").hasCount(1);
		assertThat(components()).isEqualTo(Map.of(COUNTER_ID, 1));
	}

	@Test
	void swapKeepsTheContentsOfAStoreAndNewKeysStartFromTheirInitialValue() {
		RuntimeFixtures.open(this.page, this.log, "hot/todos-app");
		this.page.evaluate("() => { addTodo('write'); addTodo('test'); }");
		expect("#todos li").hasText(new String[] { "write", "test" });
		swapTo("todos-v2");
		expect("#filter").hasText("all");
		expect("#todos li").hasText(new String[] { "write", "test" });
		this.page.evaluate("() => addTodo('ship')");
		expect("#todos li").hasText(new String[] { "write", "test", "ship" });
		assertThat(this.log.errors()).as(this.log::toString).isEmpty();
	}

	@Test
	void focusOutsideTheSwappedRangeStays() {
		this.page.locator("#outside").fill("typing");
		assertThat(isTrue("document.activeElement === document.getElementById('outside')")).isTrue();
		swapTo("counter-v2");
		expect("#first .count").hasText("Clicks: 0");
		assertThat(isTrue("document.activeElement === document.getElementById('outside')")).isTrue();
		PlaywrightAssertions.assertThat(this.page.locator("#outside")).hasValue("typing");
	}

	@Test
	void focusInsideTheSwappedRangeMovesToTheNodeInTheSamePlace() {
		this.page.locator("#second .note").focus();
		this.page.evaluate("() => { window.oldNote = document.activeElement; }");
		swapTo("counter-v2");
		expect("#second .count").hasText("Clicks: 0");
		assertThat(isTrue("document.activeElement === document.querySelector('#second .note')"
				+ " && document.activeElement !== window.oldNote"))
			.isTrue();
	}

	@Test
	void swapOnAScrolledPageKeepsItsScrollPositionWhenContentAboveTheViewportGrows() {
		// Scrolled so that the first counter is above the viewport: Chromium's scroll
		// anchoring would move the page down by what the counter grows.
		// The frame after the scroll delivers its scroll event, as it does long before a
		// save.
		Object before = this.page.evaluate("async () => { document.body.style.paddingBottom = '3000px';"
				+ " scrollTo(0, document.getElementById('second').getBoundingClientRect().top + scrollY);"
				+ " await new Promise((frame) => requestAnimationFrame(frame)); return scrollY; }");
		assertThat(before).isNotEqualTo(0);
		swapTo("counter-tall");
		expect("#first .count").hasText("Tall: 0");
		assertThat(this.page.evaluate("() => document.querySelector('#first .tall').offsetHeight")).isEqualTo(200);
		assertThat(this.page.evaluate("() => scrollY")).isEqualTo(before);
	}

	@Test
	void snapshotKeepsJsonValuesInDocumentOrderAndLeavesOutTheRest() {
		click("#second", 1);
		this.page.evaluate("() => window.setTitle('Renamed')");
		Object snapshot = this.page
			.evaluate("async () => JSON.stringify((await import('/__velocity/hot-components.js')).snapshotState())");
		assertThat(snapshot).isEqualTo("{\"version\":1,\"components\":{"
				+ "\"/frontend/Counter.tsx#Counter\":[{\"values\":[0],\"kinds\":[\"number\"],\"skipped\":[]},"
				+ "{\"values\":[1],\"kinds\":[\"number\"],\"skipped\":[]}],"
				+ "\"/frontend/App.tsx#App\":[{\"values\":[\"Renamed\",null],\"kinds\":null,\"skipped\":[1]}]}}");
	}

	@Test
	void stateSurvivesAReloadThroughTheSnapshot() {
		click("#first", 4);
		click("#second", 2);
		this.page.evaluate("() => window.setTitle('Renamed')");
		// What the HMR client announces right before it reloads the page.
		this.page.evaluate("() => dispatchEvent(new CustomEvent('velocity:beforeFullReload'))");
		this.page.reload();
		this.page.waitForFunction("() => document.body.dataset.fixture === 'loaded'");
		expect("#first .count").hasText("Count: 4");
		expect("#second .count").hasText("Count: 2");
		expect("#title").hasText("Renamed");
		assertThat(isTrue("sessionStorage.getItem('velocity:state') === null")).as("the snapshot applies once")
			.isTrue();
	}

	private void swapTo(String fixture) {
		this.page.evaluate("async (url) => { await import(url); }", "/fixtures/hot/" + fixture + ".js");
	}

	private void click(String counter, int times) {
		for (int i = 0; i < times; i++) {
			this.page.click(counter + " .increment");
		}
	}

	private List<String> infos() {
		return this.log.messages()
			.stream()
			.filter((message) -> "info".equals(message.type()))
			.map(ConsoleLog.Message::text)
			.toList();
	}

	private Object components() {
		return this.page.evaluate("async () => (await import('/__velocity/hot-components.js')).instanceCounts()");
	}

	private LocatorAssertions expect(String selector) {
		return PlaywrightAssertions.assertThat(this.page.locator(selector));
	}

	private boolean isTrue(String expression) {
		return RuntimeFixtures.isTrue(this.page, expression);
	}

}

package io.velocity.hmr.runtime;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for rendering with the Velocity runtime in Chromium: components, bindings,
 * events, control flow and error reporting, against the fixtures in {@code fixtures/}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class RuntimeBrowserTests {

	private Page page;

	private ConsoleLog log;

	@BeforeEach
	void serveFixtures(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		this.page = page;
		this.log = log;
	}

	@Test
	void counterShowsTheCountAndIncrementsOnClick() {
		open("counter");
		expect("#count").hasText("Count: 0");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment")).click();
		expect("#count").hasText("Count: 1");
		expect("#double").hasText("Double: 2");
	}

	@Test
	void updateChangesTheSameTextNode() {
		open("counter");
		assertThat(isTrue("(window.countText = textNode('#count', '0')) !== undefined")).isTrue();
		this.page.click("#increment");
		expect("#count").hasText("Count: 1");
		assertThat(isTrue("textNode('#count', '1') === window.countText"))
			.as("the updated Text node is the one shown before")
			.isTrue();
		assertThat(isTrue("document.querySelector('#count').childNodes.length === 4"))
			.as("'Count: ', two markers, the count")
			.isTrue();
	}

	@Test
	void renderDisposerRemovesTheNodesAndStopsEffects() {
		open("counter");
		this.page.evaluate("() => window.dispose()");
		assertThat(isTrue("document.getElementById('app').childNodes.length === 0")).isTrue();
		this.page.evaluate("() => window.setCount(5)");
		assertThat(this.page.evaluate("() => window.log")).isEqualTo(List.of("count 0", "counter disposed"));
	}

	@Test
	void bindingsUpdateOnlyTheAttributeTheyStandFor() {
		open("bindings");
		Locator box = this.page.locator("#box");
		PlaywrightAssertions.assertThat(box).hasAttribute("class", "box");
		PlaywrightAssertions.assertThat(box).hasAttribute("title", "first");
		PlaywrightAssertions.assertThat(box).hasAttribute("data-static", "yes");
		PlaywrightAssertions.assertThat(box).hasAttribute("hidden", "");
		assertThat(box.getAttribute("data-gone")).isNull();
		assertThat(this.page.evaluate("() => document.getElementById('box').style.cssText"))
			.isEqualTo("color: red; font-weight: bold;");
		this.page
			.evaluate("() => { controls.setActive(true); controls.setColor('blue'); controls.setLabel('second'); }");
		PlaywrightAssertions.assertThat(box).hasAttribute("class", "box active");
		PlaywrightAssertions.assertThat(box).hasAttribute("title", "second");
		assertThat(box.getAttribute("hidden")).isNull();
		assertThat(this.page.evaluate("() => document.getElementById('box').style.cssText"))
			.isEqualTo("color: blue; font-weight: bold; margin-left: 4px;");
		assertThat(isTrue("controls.refs.length === 1 && controls.refs[0] === document.getElementById('box')"))
			.isTrue();
	}

	@Test
	void staticStyleAndClassNameAreSetAsAttributes() {
		open("bindings");
		PlaywrightAssertions.assertThat(this.page.locator("#styled"))
			.hasAttribute("style", "text-decoration: underline");
		PlaywrightAssertions.assertThat(this.page.locator("#styled")).hasAttribute("class", "plain");
	}

	@Test
	void domPropertiesAreSetAsPropertiesAndFollowTheirSignals() {
		open("bindings");
		Locator input = this.page.locator("#name");
		PlaywrightAssertions.assertThat(input).hasValue("Ada");
		PlaywrightAssertions.assertThat(input).isDisabled();
		this.page.evaluate("() => controls.setLocked(false)");
		PlaywrightAssertions.assertThat(input).isEnabled();
		input.fill("typed by the user");
		this.page.evaluate("() => controls.setName('Grace')");
		PlaywrightAssertions.assertThat(input).hasValue("Grace");
	}

	@Test
	void eventHandlersReceiveTheEvent() {
		open("bindings");
		this.page.click("#press");
		this.page.click("#press");
		assertThat(this.page.evaluate("() => [controls.clicks, controls.lastTarget]")).isEqualTo(List.of(2, "press"));
	}

	@Test
	void classicFactoryFlattensChildrenAndSkipsEmptyOnes() {
		open("bindings");
		PlaywrightAssertions.assertThat(this.page.locator("#classic li")).hasText(new String[] { "one", "two" });
		PlaywrightAssertions.assertThat(this.page.locator("#classic")).hasText("onetwo3");
	}

	@Test
	void showRendersTheFallbackUntilTheConditionHoldsAndDisposesChildrenWhenItStops() {
		open("show");
		expect("#signed-out").hasText("Please sign in");
		this.page.evaluate("() => controls.setUser({ name: 'Ada' })");
		expect("#greeting").hasText("Hello, Ada");
		expect("#signed-out").hasCount(0);
		this.page.evaluate("() => controls.setUser(null)");
		expect("#signed-out").hasText("Please sign in");
		expect("#greeting").hasCount(0);
		assertThat(this.page.evaluate("() => controls.log")).isEqualTo(List.of("greeting disposed Ada"));
	}

	@Test
	void showRemovesAndRestoresStaticChildren() {
		open("show");
		assertThat(isTrue("(window.panel = document.getElementById('panel')) !== null")).isTrue();
		this.page.evaluate("() => controls.setOpen(false)");
		expect("#panel").hasCount(0);
		this.page.evaluate("() => controls.setOpen(true)");
		expect("#panel").hasText("Panel");
		assertThat(isTrue("document.getElementById('panel') === window.panel"))
			.as("the restored panel is the same element")
			.isTrue();
	}

	@Test
	void forRendersAnEntryPerItemWithItsIndex() {
		open("for");
		expect("#list li").hasText(new String[] { "Ada #0", "Grace #1", "Linus #2" });
		this.page.evaluate("() => controls.setItems([people.ada, people.grace, people.linus, { name: 'Ken' }])");
		expect("#list li").hasText(new String[] { "Ada #0", "Grace #1", "Linus #2", "Ken #3" });
	}

	@Test
	void forMovesTheDomOfReorderedItemsInsteadOfRecreatingIt() {
		open("for");
		this.page.evaluate("() => { window.before = [...document.querySelectorAll('#list li')]; }");
		this.page.evaluate("() => controls.setItems([people.linus, people.ada, people.grace])");
		expect("#list li").hasText(new String[] { "Linus #0", "Ada #1", "Grace #2" });
		assertThat(
				this.page.evaluate("() => [...document.querySelectorAll('#list li')].map((li) => before.indexOf(li))"))
			.isEqualTo(List.of(2, 0, 1));
		assertThat(this.page.evaluate("() => [controls.created, controls.disposed]"))
			.isEqualTo(List.of(List.of("Ada", "Grace", "Linus"), List.of()));
	}

	@Test
	void forRemovingAnItemDisposesOnlyThatItem() {
		open("for");
		this.page.evaluate("() => { window.before = [...document.querySelectorAll('#list li')]; }");
		this.page.evaluate("() => controls.setItems([people.ada, people.linus])");
		expect("#list li").hasText(new String[] { "Ada #0", "Linus #1" });
		assertThat(
				this.page.evaluate("() => [...document.querySelectorAll('#list li')].map((li) => before.indexOf(li))"))
			.isEqualTo(List.of(0, 2));
		assertThat(this.page.evaluate("() => controls.disposed")).isEqualTo(List.of("Grace"));
		this.page.evaluate("() => controls.setItems([])");
		expect("#list li").hasCount(0);
		assertThat(this.page.evaluate("() => controls.disposed")).isEqualTo(List.of("Grace", "Ada", "Linus"));
	}

	@Test
	void errorInAnEffectIsReportedAndOtherUpdatesContinue() {
		open("errors");
		this.page.evaluate("() => setCount(1)");
		expect("#value").hasText("Value: 1");
		assertThat(this.page.evaluate("() => reported")).isEqualTo(List.of("count must not be 1"));
		assertThat(this.log.errors()).singleElement().asString().startsWith("[velocity]");
		this.page.evaluate("() => { setCount(2); setCount(1); }");
		expect("#value").hasText("Value: 1");
		assertThat(this.page.evaluate("() => reported"))
			.isEqualTo(List.of("count must not be 1", "count must not be 1"));
	}

	@Test
	void functionChildReplacesItsRangeWhenItReturnsNodes() {
		open("dynamic");
		expect("#panel").hasText("Titletext");
		this.page.evaluate("() => setContent('element')");
		expect("#panel b").hasText("bold");
		this.page.evaluate("() => setContent('array')");
		expect("#panel").hasText("Titleabc");
		expect("#panel b").hasCount(0);
		this.page.evaluate("() => setContent('nothing')");
		expect("#panel").hasText("Title");
		this.page.evaluate("() => setContent('text again')");
		expect("#panel").hasText("Titletext again");
	}

	@Test
	void inDevelopmentAComponentInstanceIsAnOwnerWithItsSignalsAndAMarkedRange() {
		open("component-owner");
		assertThat(
				this.page.evaluate("() => [panelOwner.kind, panelOwner.component === Panel, panelOwner.props.title]"))
			.isEqualTo(List.of("component", true, "Title"));
		assertThat(this.page.evaluate("() => panelOwner.signals.map((signal) => signal.value)"))
			.isEqualTo(List.of("Title", true));
		assertThat(isTrue("panelOwner.start.nextSibling === document.getElementById('panel')"
				+ " && document.getElementById('panel').nextSibling === panelOwner.end"))
			.isTrue();
		assertThat(this.page.evaluate("() => [panelOwner.start.data, panelOwner.end.data]"))
			.isEqualTo(List.of("Panel", "/Panel"));
		assertThat(isTrue("panelOwner.parent.kind === 'component' && panelOwner.parent.owned.includes(panelOwner)"))
			.isTrue();
	}

	@Test
	void inProductionAComponentIsAPlainUntrackedCall() {
		open("component-owner");
		assertThat(this.page.evaluate("() => [window.plain, window.plainOwner === null]"))
			.isEqualTo(List.of("plain", true));
	}

	@Test
	void elementsInsideSvgUseTheSvgNamespace() {
		open("svg");
		assertThat(this.page
			.evaluate("() => ['icon', 'dot', 'line'].map((id) => document.getElementById(id).namespaceURI)")).isEqualTo(
					List.of("http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg"));
		PlaywrightAssertions.assertThat(this.page.locator("#dot")).hasAttribute("r", "10");
		PlaywrightAssertions.assertThat(this.page.locator("#dot")).hasAttribute("class", "dot");
		this.page.evaluate("() => setRadius(20)");
		PlaywrightAssertions.assertThat(this.page.locator("#dot")).hasAttribute("r", "20");
		assertThat(this.page.locator("#dot").boundingBox().width).isEqualTo(40);
	}

	private void open(String fixture) {
		RuntimeFixtures.open(this.page, this.log, fixture);
		// Finds a child text node of an element by its data, for node identity checks.
		this.page
			.evaluate("() => { window.textNode = (selector, data) => [...document.querySelector(selector).childNodes]"
					+ ".find((node) => node.nodeType === Node.TEXT_NODE && node.data === data); }");
	}

	private LocatorAssertions expect(String selector) {
		return PlaywrightAssertions.assertThat(this.page.locator(selector));
	}

	private boolean isTrue(String expression) {
		return RuntimeFixtures.isTrue(this.page, expression);
	}

}

package io.velocity.hmr.compile.jsx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Solid-style TSX compiled by the real compiler and served by the application, as in
 * production (no hot module replacement), rendered in Chromium: every JSX form behaves as
 * a Solid developer expects. The fixtures are in {@code browser/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=false",
				"velocity.hmr.classpath-location=classpath:/io/velocity/hmr/compile/jsx/browser/" })
@ExtendWith(BrowserExtension.class)
class JsxBrowserTests {

	@LocalServerPort
	int port;

	private Page page;

	private ConsoleLog log;

	@BeforeEach
	void serveHarness(BrowserContext context, Page page, ConsoleLog log) throws IOException {
		String html = new ClassPathResource("io/velocity/hmr/compile/jsx/browser/jsx.html")
			.getContentAsString(StandardCharsets.UTF_8);
		context.route(url("/jsx.html*"), (route) -> route
			.fulfill(new Route.FulfillOptions().setContentType("text/html; charset=utf-8").setBody(html)));
		this.page = page;
		this.log = log;
	}

	@Test
	void aTextBindingUpdatesTheSameTextNode() {
		open("Bindings");
		expect("#count").hasText("Count: 0 items");
		assertThat(isTrue("(window.text = [...document.querySelector('#count').childNodes]"
				+ ".find((node) => node.data === '0')) !== undefined"))
			.isTrue();
		this.page.evaluate("() => setCount(7)");
		expect("#count").hasText("Count: 7 items");
		assertThat(isTrue("window.text.data === '7' && window.text.parentNode === document.querySelector('#count')"))
			.as("the Text node shown before holds the new value")
			.isTrue();
		expect("#badge").hasText("7");
	}

	@Test
	void classClassListStyleAndAttributesFollowTheirSignals() {
		open("Bindings");
		Locator box = this.page.locator("#box");
		PlaywrightAssertions.assertThat(box).hasAttribute("class", "box idle");
		PlaywrightAssertions.assertThat(box).hasAttribute("title", "first");
		PlaywrightAssertions.assertThat(box).hasAttribute("data-fixed", "fixed-title");
		assertThat(box.getAttribute("style")).isEqualTo("color: red; font-weight: bold;");
		this.page.evaluate("() => { setActive(true); setColor('blue'); setTitle('second'); }");
		PlaywrightAssertions.assertThat(box).hasAttribute("class", "box on active");
		PlaywrightAssertions.assertThat(box).hasAttribute("title", "second");
		assertThat(box.getAttribute("style")).isEqualTo("color: blue; font-weight: bold;");
		PlaywrightAssertions.assertThat(this.page.locator("#name")).hasValue("second");
		PlaywrightAssertions.assertThat(this.page.locator("#name")).isDisabled();
		PlaywrightAssertions.assertThat(this.page.locator("#styled"))
			.hasAttribute("style", "text-decoration: underline");
	}

	@Test
	void htmlForContentPropertiesAndNamespacesFollowTheirSignals() {
		open("Bindings");
		PlaywrightAssertions.assertThat(this.page.locator("#for-label")).hasAttribute("for", "first");
		expect("#html b").hasText("first");
		expect("#text").hasText("first");
		PlaywrightAssertions.assertThat(this.page.locator("#namespaced")).hasAttribute("data-state", "off");
		assertThat(this.page.evaluate("() => document.getElementById('namespaced').title")).isEqualTo("first");
		this.page.evaluate("() => { setTitle('second'); setActive(true); }");
		PlaywrightAssertions.assertThat(this.page.locator("#for-label")).hasAttribute("for", "second");
		expect("#html b").hasText("second");
		expect("#text").hasText("second");
		PlaywrightAssertions.assertThat(this.page.locator("#namespaced")).hasAttribute("data-state", "on");
		assertThat(this.page.evaluate("() => document.getElementById('namespaced').title")).isEqualTo("second");
	}

	@Test
	void refAssignsTheVariableOrCallsTheFunction() {
		open("Bindings");
		assertThat(isTrue("box() === document.getElementById('box')")).isTrue();
		assertThat(isTrue("refs.length === 1 && refs[0] === document.getElementById('styled')")).isTrue();
	}

	@Test
	void delegatedClickCallsTheHandlerWithItsDataAndOneListenerServesEveryRow() {
		open("Events");
		this.page.click("#one");
		this.page.click("#inner");
		assertThat(this.page.evaluate("() => log")).isEqualTo(List.of("pick 1 one", "pick 2 two"));
		assertThat(isTrue("document.getElementById('one').$$click !== undefined")).isTrue();
		this.page.click("#plain");
		expect("#plain").hasText("Clicked 1");
	}

	@Test
	void onColonAndOnCaptureAddNativeListeners() {
		open("Events");
		this.page.click("#native");
		this.page.click("#captured");
		assertThat(this.page.evaluate("() => log")).isEqualTo(List.of("native click", "capture"));
	}

	@Test
	void aNonFunctionOnClickNeverBecomesAnAttributeNorRuns() {
		open("Events");
		Locator unsafe = this.page.locator("#unsafe");
		assertThat(unsafe.getAttribute("onclick")).isNull();
		assertThat(unsafe.getAttribute("onmouseenter")).isNull();
		assertThat(unsafe.getAttribute("onfocus")).isNull();
		unsafe.click();
		unsafe.hover();
		assertThat(this.page.evaluate("() => window.injected")).isNull();
	}

	@Test
	void directivesReceiveTheElementAndAnAccessor() {
		open("Events");
		PlaywrightAssertions.assertThat(this.page.locator("#directive")).hasAttribute("data-directive", "yes");
	}

	@Test
	void spreadPropsAreAppliedMergedAndKeptReactive() {
		open("Spread");
		Locator input = this.page.locator("#spread");
		PlaywrightAssertions.assertThat(input).hasAttribute("placeholder", "first");
		PlaywrightAssertions.assertThat(input).hasAttribute("data-kind", "spread");
		PlaywrightAssertions.assertThat(input).hasAttribute("class", "late");
		assertThat(input.getAttribute("onclick")).as("a string on* prop is never an attribute").isNull();
		this.page.evaluate("() => setPlaceholder('second')");
		PlaywrightAssertions.assertThat(input).hasAttribute("placeholder", "second");
		input.click();
		assertThat(this.page.evaluate("() => clicked")).isEqualTo(List.of("click"));
		assertThat(this.page.evaluate("() => window.injected")).isNull();
		expect("#field").hasText("Spread label");
		PlaywrightAssertions.assertThat(this.page.locator("#field")).hasAttribute("data-extra", "given");
	}

	@Test
	void svgElementsAreCreatedInTheSvgNamespace() {
		open("Svg");
		assertThat(this.page.evaluate(
				"() => ['icon', 'group', 'dot', 'line', 'ref'].map((id) => document.getElementById(id).namespaceURI)"))
			.isEqualTo(List.of("http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg",
					"http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg"));
		PlaywrightAssertions.assertThat(this.page.locator("#dot")).hasAttribute("class", "dot");
		assertThat(this.page.evaluate("() => document.getElementById('icon').getAttribute('viewBox')"))
			.isEqualTo("0 0 20 20");
		assertThat(this.page
			.evaluate("() => document.getElementById('ref').getAttributeNS('http://www.w3.org/1999/xlink', 'href')"))
			.isEqualTo("#dot");
		this.page.evaluate("() => setRadius(8)");
		PlaywrightAssertions.assertThat(this.page.locator("#dot")).hasAttribute("r", "8");
	}

	@Test
	void portalRendersElsewhereAndDelegatedEventsBubbleToWhereItIsWritten() {
		open("PortalDynamic");
		PlaywrightAssertions.assertThat(this.page.locator("#modals #in-portal")).hasText("In a portal");
		this.page.click("#in-portal");
		assertThat(this.page.evaluate("() => log")).isEqualTo(List.of("host click"));
		this.page.evaluate("() => setOpen(false)");
		expect("#in-portal").hasCount(0);
		expect("#closed").hasText("Closed");
	}

	@Test
	void dynamicRendersTheChosenComponentOrTag() {
		open("PortalDynamic");
		expect("b#dynamic").hasText("A dyn");
		this.page.evaluate("() => setKind('b')");
		expect("i#dynamic").hasText("B dyn");
		this.page.evaluate("() => setKind('em')");
		expect("em#dynamic").hasCount(1);
		expect("b#dynamic").hasCount(0);
	}

	@Test
	void forAndFragmentsRenderTheirChildren() {
		open("PortalDynamic");
		PlaywrightAssertions.assertThat(this.page.locator(".item")).hasText(new String[] { "0:x", "1:y" });
		expect("#fragment-a").hasText("a");
		this.page.evaluate("() => setItems(['y', 'z', 'x'])");
		PlaywrightAssertions.assertThat(this.page.locator(".item")).hasText(new String[] { "0:y", "1:z", "2:x" });
	}

	private void open(String fixture) {
		this.page.navigate(url("/jsx.html?fixture=" + fixture));
		this.page.waitForFunction("() => document.body.dataset.fixture !== undefined");
		assertThat(this.page.evaluate("() => document.body.dataset.fixture")).as(() -> fixture + "\n" + this.log)
			.isEqualTo("loaded");
	}

	private LocatorAssertions expect(String selector) {
		return PlaywrightAssertions.assertThat(this.page.locator(selector));
	}

	private boolean isTrue(String expression) {
		return Boolean.TRUE.equals(this.page.evaluate("() => " + expression));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.SourceTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundled page in Chromium ({@code velocity.hmr.bundle.enabled}): its application
 * modules arrive in one request, live bindings, a cycle and a dynamic import work, and
 * edits of real files hot-update it with component and module state kept; a syntax error
 * shows the overlay and its fix recovers; a graph with top-level await falls back to
 * native modules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.debug=true", "velocity.hmr.bundle.enabled=true" })
@ExtendWith(BrowserExtension.class)
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class BundledPageBrowserTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@BeforeAll
	static void createProject() throws IOException {
		Files.createDirectories(temp.resolve("frontend"));
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("main.tsx", """
				import { render } from 'velocity';
				import App from './App';

				render(App, document.getElementById('app')!);
				""");
		frontend.write("App.tsx",
				"""
						import { createSignal } from 'velocity';
						import Label from './Label';
						import { filter, setFilter, storeVersion } from './store';
						import { n, bump } from './live';
						import { ab } from './cycle-a';

						export default function App() {
						  const [count, setCount] = createSignal(0);
						  const [lazy, setLazy] = createSignal('not loaded');
						  return (
						    <main>
						      <Label />
						      <button id="count" type="button" onClick={() => setCount((c) => c + 1)}>Count: {count}</button>
						      <button id="filter" type="button" onClick={() => setFilter('done')}>Filter: {filter}</button>
						      <p id="live">{() => { count(); return `n=${n}`; }}</p>
						      <button id="bump" type="button" onClick={() => { bump(); setCount((c) => c + 1); }}>bump</button>
						      <p id="cycle">{ab()}</p>
						      <button id="load" type="button" onClick={() => import('./lazy').then((m) => setLazy(m.lazy))}>load</button>
						      <p id="lazy">{lazy}</p>
						      <p id="version">store v{storeVersion}</p>
						    </main>
						  );
						}
						""");
		frontend.write("Label.tsx", """
				export default function Label() {
				  return <h1 id="label">Label v1</h1>;
				}
				""");
		frontend.write("store.ts", """
				import { createSignal } from 'velocity';

				export const [filter, setFilter] = createSignal('all');
				export const storeVersion = 1;
				""");
		frontend.write("live.ts", """
				export let n = 0;
				export function bump() {
				  n++;
				}
				""");
		frontend.write("cycle-a.ts", """
				import { b } from './cycle-b';
				export const a = 'A';
				export function ab() {
				  return a + b + ba();
				}
				import { ba } from './cycle-b';
				""");
		frontend.write("cycle-b.ts", """
				import { a } from './cycle-a';
				export const b = 'B';
				export function ba() {
				  return b + a;
				}
				""");
		frontend.write("lazy.ts", "export const lazy = 'lazy loaded';\n");
		frontend.write("tla.ts", """
				const value = await Promise.resolve('awaited');
				document.getElementById('app')!.textContent = value;
				""");
		// A graph that falls back to native modules, with a store two components share.
		frontend.write("tla-app.tsx", """
				import { render } from 'velocity';
				import Clicker from './Clicker';
				import Total from './Total';

				await Promise.resolve();
				render(() => <div><Clicker /><Total /></div>, document.getElementById('app')!);
				""");
		frontend.write("Clicker.tsx",
				"""
						import { clicks, setClicks } from './clicks';
						export default function Clicker() {
						  return <button id="clicker" type="button" onClick={() => setClicks((c) => c + 1)}>Clicker {clicks()}</button>;
						}
						""");
		frontend.write("Total.tsx", """
				import { clicks } from './clicks';
				export default function Total() {
				  return <p id="total">Total {clicks()}</p>;
				}
				""");
		frontend.write("clicks.ts", """
				import { createSignal } from 'velocity';
				export const [clicks, setClicks] = createSignal(0);
				""");
		Path statics = temp.resolve("static");
		Files.createDirectories(statics);
		Files.writeString(statics.resolve("index.html"), page("/frontend/main.tsx"));
		Files.writeString(statics.resolve("tla.html"), page("/frontend/tla.ts"));
		Files.writeString(statics.resolve("tla-app.html"), page("/frontend/tla-app.tsx"));
	}

	/**
	 * Open a page of its own for an entry the test wrote.
	 */
	/**
	 * Record the page's requests for application code and bundles from now on (the
	 * client's modules and the timing module of velocity.hmr.debug are not).
	 */
	private List<String> applicationRequests(Page page) {
		List<String> requests = new CopyOnWriteArrayList<>();
		String origin = "http://localhost:" + this.port;
		page.onRequest((request) -> {
			String path = request.url().replace(origin, "");
			if (path.startsWith("/frontend/") || path.startsWith("/__velocity/bundle")) {
				requests.add(path);
			}
		});
		return requests;
	}

	private void open(Page page, String html, String entry) throws IOException {
		Files.writeString(temp.resolve("static").resolve(html), page(entry));
		page.navigate("http://localhost:" + this.port + "/" + html);
	}

	private static String page(String entry) {
		return """
				<!doctype html>
				<html><head><meta charset="utf-8"><script type="module" src="%s"></script></head>
				<body><div id="app"></div></body></html>
				""".formatted(entry);
	}

	@DynamicPropertySource
	static void project(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
		registry.add("spring.web.resources.static-locations", () -> temp.resolve("static").toUri().toString());
	}

	@Test
	void loadsInOneRequestAndHotUpdatesPerModule(Page page) {
		List<String> moduleRequests = applicationRequests(page);
		page.navigate("http://localhost:" + this.port + "/index.html");
		assertThat(page.locator("#label")).hasText("Label v1");
		assertThat(moduleRequests).containsExactly("/__velocity/bundle?entry=%2Ffrontend%2Fmain.tsx");
		// The client and runtime modules the bundle imports natively are hinted, not
		// found level by level.
		assertThat(page.locator("link[rel=modulepreload][href='/__velocity/reactive-graph.js']")).hasCount(1);
		assertThat(page.locator("#cycle")).hasText("ABBA");
		page.locator("#bump").click();
		assertThat(page.locator("#live")).hasText("n=1");
		page.locator("#load").click();
		assertThat(page.locator("#lazy")).hasText("lazy loaded");

		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.evaluate("() => { window.__marker = 'no reload'; }");
		page.locator("#count").click();
		page.locator("#filter").click();
		assertThat(page.locator("#count")).hasText("Count: 2");
		assertThat(page.locator("#filter")).hasText("Filter: done");

		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.edit("Label.tsx", "Label v1", "Label v2");
		assertThat(page.locator("#label")).hasText("Label v2");
		assertThat(page.locator("#count")).hasText("Count: 2");

		frontend.edit("App.tsx", "Count: {count}", "Clicks: {count}");
		assertThat(page.locator("#count")).hasText("Clicks: 2");
		assertThat(page.locator("#filter")).hasText("Filter: done");

		frontend.edit("store.ts", "storeVersion = 1", "storeVersion = 2");
		assertThat(page.locator("#version")).hasText("store v2");
		assertThat(page.locator("#filter")).hasText("Filter: done");
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");

		frontend.edit("Label.tsx", "Label v2</h1>", "Label v3</h1");
		assertThat(page.locator("velocity-error-overlay")).isAttached();
		frontend.edit("Label.tsx", "Label v3</h1", "Label v3</h1>");
		assertThat(page.locator("#label")).hasText("Label v3");
		assertThat(page.locator("velocity-error-overlay")).not().isAttached();
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
		assertThat(moduleRequests).noneMatch((path) -> path.startsWith("/frontend/"));
	}

	@Test
	void componentEditIsAppliedFromTheUpdateWithoutARequest(Page page) throws IOException {
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("counter.tsx",
				"""
						import { render, createSignal } from 'velocity';
						import Greeting from './Greeting';

						function Counter() {
						  const [count, setCount] = createSignal(0);
						  return <div><Greeting /><button id="counter" type="button" onClick={() => setCount((c) => c + 1)}>{count}</button></div>;
						}
						render(Counter, document.getElementById('app')!);
						""");
		frontend.write("Greeting.tsx", """
				import { greeting } from './words';
				export default function Greeting() {
				  return <h1 id="greeting">{greeting}</h1>;
				}
				""");
		frontend.write("words.ts", "export const greeting = 'Hello';\n");
		open(page, "counter.html", "/frontend/counter.tsx");
		assertThat(page.locator("#greeting")).hasText("Hello");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.locator("#counter").click();
		assertThat(page.locator("#counter")).hasText("1");
		List<String> requests = applicationRequests(page);

		frontend.edit("Greeting.tsx", "<h1 id=\"greeting\">", "<h1 id=\"greeting\" class=\"v2\">");
		assertThat(page.locator("#greeting.v2")).hasText("Hello");
		// A module between the change and the component that accepts it comes along.
		frontend.edit("words.ts", "'Hello'", "'Hi'");
		assertThat(page.locator("#greeting")).hasText("Hi");
		// The component kept its state.
		assertThat(page.locator("#counter")).hasText("1");
		assertThat(requests).as("module requests while the page applied the edits").isEmpty();
	}

	@Test
	void storeEditUpdatesEveryImporterTogetherWithItsStateKept(Page page) throws IOException {
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("shelf.tsx", """
				import { render } from 'velocity';
				import Shelf1 from './Shelf1';
				import Shelf2 from './Shelf2';
				import Shelf3 from './Shelf3';

				render(() => <div><Shelf1 /><Shelf2 /><Shelf3 /></div>, document.getElementById('app')!);
				""");
		for (int i = 1; i <= 3; i++) {
			frontend.write("Shelf" + i + ".tsx",
					"""
							import { books, setBooks, title } from './shelf-store';
							export default function Shelf%1$d() {
							  return <button id="shelf-%1$d" type="button" onClick={() => setBooks((n) => n + 1)}>{title} {books()}</button>;
							}
							"""
						.formatted(i));
		}
		frontend.write("shelf-store.ts", """
				import { createSignal } from 'velocity';
				export const [books, setBooks] = createSignal(0);
				export const title = 'Shelf v1';
				""");
		open(page, "shelf.html", "/frontend/shelf.tsx");
		assertThat(page.locator("#shelf-3")).hasText("Shelf v1 0");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.evaluate("() => { window.__marker = 'no reload'; }");
		page.locator("#shelf-1").click();
		assertThat(page.locator("#shelf-3")).hasText("Shelf v1 1");
		List<String> requests = applicationRequests(page);
		// One update with a boundary per importer: the store's new version runs once,
		// with its signal's value, and every importer reads it.
		frontend.edit("shelf-store.ts", "'Shelf v1'", "'Shelf v2'");
		for (int i = 1; i <= 3; i++) {
			assertThat(page.locator("#shelf-" + i)).hasText("Shelf v2 1");
		}
		page.locator("#shelf-2").click();
		for (int i = 1; i <= 3; i++) {
			assertThat(page.locator("#shelf-" + i)).hasText("Shelf v2 2");
		}
		assertThat(requests).as("module requests while the page applied the edit").isEmpty();
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
	}

	@Test
	void errorInOneOfAStoresImportersFailsOnlyThatImporter(Page page) throws IOException {
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("pair.tsx", """
				import { render } from 'velocity';
				import Left from './Left';
				import Right from './Right';

				render(() => <div><Left /><Right /></div>, document.getElementById('app')!);
				""");
		frontend.write("Left.tsx", """
				import { word } from './pair-store';
				export default function Left() {
				  return <p id="left">left {word}</p>;
				}
				""");
		frontend.write("Right.tsx", """
				import { word } from './pair-store';
				export default function Right() {
				  if (word === 'two') {
				    throw new Error('right refuses two');
				  }
				  return <p id="right">right {word}</p>;
				}
				""");
		frontend.write("pair-store.ts", "export const word = 'one';\n");
		open(page, "pair.html", "/frontend/pair.tsx");
		assertThat(page.locator("#right")).hasText("right one");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		frontend.edit("pair-store.ts", "'one'", "'two'");
		assertThat(page.locator("#left")).hasText("left two");
		assertThat(page.locator("velocity-error-overlay")).containsText("right refuses two");
		assertThat(page.locator("#right")).hasText("right one");
	}

	@Test
	void graphWithTopLevelAwaitFallsBackToNativeModules(Page page) {
		page.navigate("http://localhost:" + this.port + "/tla.html");
		assertThat(page.locator("#app")).hasText("awaited");
	}

	@Test
	void pageThatFellBackToNativeModulesHotUpdatesWithOneInstanceOfEachModule(Page page) {
		page.navigate("http://localhost:" + this.port + "/tla-app.html");
		assertThat(page.locator("#total")).hasText("Total 0");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.evaluate("() => { window.__marker = 'no reload'; }");
		page.locator("#clicker").click();
		assertThat(page.locator("#total")).hasText("Total 1");
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.edit("Clicker.tsx", ">Clicker {", ">Clicks {");
		assertThat(page.locator("#clicker")).hasText("Clicks 1");
		// The new version sets the signal the other component reads: the store the page
		// has, not a second instance of it.
		page.locator("#clicker").click();
		assertThat(page.locator("#clicker")).hasText("Clicks 2");
		assertThat(page.locator("#total")).hasText("Total 2");
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
	}

	@Test
	void errorInAModuleAnUpdateDefinesIsShownAtItsOriginalLine(Page page) throws IOException {
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("shouting.tsx", """
				import { render } from 'velocity';
				import Shout from './Shout';

				render(Shout, document.getElementById('app')!);
				""");
		frontend.write("Shout.tsx", """
				import { shout } from './shout';

				export default function Shout() {
				  return <p id="shout">{shout('hi')}</p>;
				}
				""");
		frontend.write("shout.ts", """
				export function shout(text: string) {
				  return text.toUpperCase();
				}
				""");
		open(page, "shouting.html", "/frontend/shouting.tsx");
		assertThat(page.locator("#shout")).hasText("HI");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		// The new version of shout.ts is defined after the component that accepts it, in
		// the same evaluation: its frame maps through its own section of the map.
		frontend.edit("shout.ts", "export function shout", "if (document.title !== 'never') {\n"
				+ "  throw new Error('shout exploded');\n}\nexport function shout");
		assertThat(page.locator("velocity-error-overlay")).containsText("shout exploded");
		assertThat(page.locator("velocity-error-overlay")).containsText("/frontend/shout.ts:2:");
		assertThat(page.locator("#shout")).hasText("HI");
	}

	@Test
	void newVersionThatImportsAModuleAwaitingAtItsTopLevelReloadsThePageAsNativeModules(Page page) throws IOException {
		SourceTree frontend = SourceTree.at(temp.resolve("frontend"));
		frontend.write("waiting.tsx", """
				import { render } from 'velocity';
				import Waiter from './Waiter';

				render(Waiter, document.getElementById('app')!);
				""");
		frontend.write("Waiter.tsx", """
				export default function Waiter() {
				  return <p id="waiter">Waiting now</p>;
				}
				""");
		frontend.write("later.ts", "export const later = await Promise.resolve('later');\n");
		open(page, "waiting.html", "/frontend/waiting.tsx");
		assertThat(page.locator("#waiter")).hasText("Waiting now");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		page.evaluate("() => { window.__marker = 'no reload'; }");
		// Imported natively, the new version would import a second instance of each
		// module it imports: the page reloads, and is served as native modules.
		frontend.write("Waiter.tsx", """
				import { later } from './later';
				export default function Waiter() {
				  return <p id="waiter">Waiting {later}</p>;
				}
				""");
		assertThat(page.locator("#waiter")).hasText("Waiting later");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		assertThat(page.evaluate("() => window.__marker")).as("the page was reloaded").isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

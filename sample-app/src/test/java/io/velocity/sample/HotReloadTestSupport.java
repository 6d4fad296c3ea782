package io.velocity.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.SourceTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in the dev profile over a copy of its front end, opened in Chromium, for
 * tests that edit files on disk and watch the page. Each test starts on a freshly loaded
 * page whose socket is open, with a {@code window} marker that a reload would lose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=dev", "velocity.hmr.debug=true",
				"velocity.hmr.reload-roots=" + HotReloadTestSupport.PAGES + "/static," + HotReloadTestSupport.PAGES
						+ "/templates" })
@ExtendWith(BrowserExtension.class)
abstract class HotReloadTestSupport {

	/**
	 * Where a copy of the sample's static pages and templates lives, read at start-up (so
	 * a fixed path): an edit there reloads the open pages.
	 */
	static final String PAGES = "target/hmr-tests/pages";

	/**
	 * A small app of its own beside the sample, under {@code state/}: a store module with
	 * module-level signals, components that import it, and an import cycle.
	 */
	private static final List<String> STATE_MODULES = List.of("store.ts", "units.ts", "FilterView.tsx", "CountView.tsx",
			"cycle-a.ts", "cycle-b.ts", "CycleView.tsx", "main.tsx", "broken-main.tsx", "throw-main.tsx");

	private static final List<String> STATE_PAGES = List.of("state.html", "broken.html", "throw.html");

	/**
	 * One copy for the whole run: the application context, which watches it, is cached
	 * across test classes, so it must outlive any one of them.
	 */
	static final SourceTree sources = copySampleSources();

	static final SourceTree pages = copySamplePages();

	@LocalServerPort
	int port;

	Page page;

	ConsoleLog console;

	final AtomicInteger loads = new AtomicInteger();

	@DynamicPropertySource
	static void sourceRoot(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> sources.root().toString());
	}

	private static SourceTree copySampleSources() {
		try {
			Path target = Files.createDirectories(Path.of("target/hmr-tests"));
			SourceTree tree = SourceTree.copy(Path.of("src/main/frontend"),
					Files.createTempDirectory(target, "frontend-"));
			tree.write("probe.ts", fixture("probe.ts"));
			for (String name : STATE_MODULES) {
				tree.write("state/" + name, fixture("state/" + name));
			}
			tree.edit("main.tsx", "import App from './App';", "import App from './App';\nimport './probe';");
			tree.keepChanges();
			return tree;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void open(Page page, ConsoleLog console) {
		this.page = page;
		this.console = console;
		page.onLoad((loaded) -> this.loads.incrementAndGet());
		page.navigate(url("/"));
		assertThat(page.locator("#count-label")).hasText("Count: 0");
		// The socket is open once the server greeted the client; edits before that would
		// be missed.
		awaitSocket();
		page.evaluate(
				"() => { window.__marker = 'no reload'; " + "window.__header = document.querySelector('#header'); }");
	}

	/**
	 * A test that failed before it put its edits back would leave them to every test
	 * after it (a broken module, a changed page): they are put back. What a passing test
	 * leaves (a fixture it fixed for good) is kept.
	 */
	@RegisterExtension
	final AfterTestExecutionCallback undoEditsOfAFailedTest = (context) -> {
		if (context.getExecutionException().isEmpty()) {
			sources.keepChanges();
			pages.keepChanges();
			return;
		}
		List<String> undone = new ArrayList<>(sources.undoChanges());
		undone.addAll(pages.undoChanges());
		if (!undone.isEmpty()) {
			System.err.println("Put back the files the failed test left edited: " + undone);
		}
	};

	private static SourceTree copySamplePages() {
		Path target = Path.of(PAGES);
		FileSystemUtils.deleteRecursively(target.toFile());
		SourceTree.copy(Path.of("src/main/resources/static"), target.resolve("static"));
		SourceTree.copy(Path.of("src/main/resources/templates"), target.resolve("templates"));
		SourceTree pages = SourceTree.at(target);
		for (String page : STATE_PAGES) {
			pages.write("static/" + page, fixture("state/" + page));
		}
		pages.write("static/strict.html", fixture("strict.html"));
		pages.write("static/nonce.html", fixture("nonce.html"));
		pages.keepChanges();
		return pages;
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void awaitSocket() {
		this.page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
	}

	void clickIncrement(int times) {
		Locator button = this.page.locator("#increment");
		for (int i = 0; i < times; i++) {
			button.click();
		}
		assertThat(this.page.locator("#count-label")).hasText("Count: " + times);
	}

	/**
	 * Assert that the page was not reloaded and no reload is on its way: once the client
	 * handled the pong to a ping sent now, it handled every message the server sent
	 * before (messages are handled in order), so a reload among them would have started.
	 */
	void assertNoReload() {
		this.page.evaluate("() => window.__velocity_hmr__.settle()");
		assertThat(this.page.evaluate("() => window.__velocity_hmr__.reloading")).as("a reload is under way")
			.isEqualTo(false);
		assertThat(this.page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
	}

	void assertLogged(String prefix) {
		this.page.waitForCondition(() -> this.console.texts().stream().anyMatch((text) -> text.startsWith(prefix)));
	}

	static String fixture(String name) {
		try {
			return new ClassPathResource("io/velocity/sample/fixtures/" + name)
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.velocity.hmr.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The edit scenarios: which file, which text, which element.
 */
final class Scenarios {

	static final int WARM_UP = 10;

	static final int EDITS = 50;

	/**
	 * How long a scenario waits after its pages opened before the first save: none by
	 * default, the harshest case (the first edits then compile while the JIT is cold and
	 * before the starter's edit rehearsals have had a quiet second); a developer who
	 * looks at the page before saving gives the server that time.
	 */
	static final long THINK_MILLIS = Long.getLong("velocity.benchmark.think-millis", 0);

	private Scenarios() {
	}

	static EditLatency.Target counterLabel(Path root) {
		Path file = root.resolve("Counter.tsx");
		String original = EditLatency.read(file);
		return new EditLatency.Target(file, (n) -> original.replace("Count: {count}", "Count e" + n + ": {count}"),
				"count-label", (n) -> "Count e" + n + ":");
	}

	static EditLatency.Target sharedUtil(Path root) {
		Path file = root.resolve("utils.ts");
		String original = EditLatency.read(file);
		return new EditLatency.Target(file, (n) -> original.replace("noun + 's'", "noun + 's" + n + "'"), "count-hint",
				(n) -> "times" + n + ".");
	}

	static EditLatency.Target storeModule(Path root) {
		Path file = root.resolve("bench-store/store.ts");
		String original = EditLatency.read(file);
		return new EditLatency.Target(file,
				(n) -> original.replace(StoreModule.LABEL + " 0", StoreModule.LABEL + " " + n), StoreModule.VIEWS,
				(n) -> StoreModule.allViews(StoreModule.LABEL + " " + n));
	}

	static EditLatency.Target importedStyleRule(Path root) {
		Path file = root.resolve("Counter.css");
		String original = EditLatency.read(file);
		return new EditLatency.Target(file,
				(n) -> original.replace("color: #3451b2;", "color: rgb(" + n + ", 81, 178);"), "count-label",
				(n) -> "rgb(" + n + ", 81, 178)", "color");
	}

	static EditLatency.Target linkedStyleRule(Path root) {
		Path file = root.resolve("styles.css");
		String original = EditLatency.read(file);
		return new EditLatency.Target(file,
				(n) -> original.replace("  padding: 1rem 1.5rem;", "  padding: 1rem " + n + "px;"), "counter",
				(n) -> n + "px", "padding-left");
	}

	static EditLatency.Target deepLeaf(Path root, int modules) {
		int leaf = modules - 1;
		Path file = root.resolve(ProjectGenerator.path(leaf));
		String original = EditLatency.read(file);
		return new EditLatency.Target(file,
				(n) -> original.replace(ProjectGenerator.leafText(leaf, 0), ProjectGenerator.leafText(leaf, n)),
				"c" + leaf, (n) -> ProjectGenerator.leafText(leaf, n));
	}

	/**
	 * Open pages on the app, each with the mutation observer, connected to the HMR socket
	 * and showing the target element.
	 */
	static List<Page> open(Browser browser, String url, String elementId, int count) {
		BrowserContext context = browser.newContext();
		context.addInitScript(EditLatency.OBSERVER);
		List<Page> pages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Page page = context.newPage();
			page.setDefaultTimeout(180_000);
			page.navigate(url + "/");
			page.waitForFunction("(id) => window.__velocity_hmr__?.state === 'open' && document.getElementById(id)",
					elementId);
			pages.add(page);
		}
		EditLatency.markPages(pages);
		return pages;
	}

	static Map<String, Object> measure(Browser browser, String url, EditLatency.Target target, int pages) {
		List<Page> open = open(browser, url, target.elementId(), pages);
		try {
			think();
			return EditLatency.run(open, target, WARM_UP, EDITS);
		}
		finally {
			open.get(0).context().close();
		}
	}

	// A modelled pause of the developer, not a wait for something to happen.
	private static void think() {
		if (THINK_MILLIS <= 0) {
			return;
		}
		try {
			Thread.sleep(THINK_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while thinking", ex);
		}
	}

}

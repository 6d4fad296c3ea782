package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The runtime's share of the js-framework-benchmark (keyed): {@code runtime-bench.html}
 * renders a For of rows with the production runtime, and each operation (create, replace,
 * partial update, select, swap, remove, append, clear) is timed in the page, from the
 * write to a forced layout, after warm-up runs, in a fresh page per operation.
 */
final class RuntimeBench {

	private static final int WARM_UP = 5;

	private static final int RUNS = 15;

	private RuntimeBench() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> measure(Browser browser, String url) {
		Map<String, Object> results = new LinkedHashMap<>();
		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			page.navigate(url + "/runtime-bench.html");
			page.waitForFunction("() => document.body.dataset.ready === 'true'");
			List<String> names = (List<String>) page.evaluate("() => bench.names");
			for (String name : names) {
				page.navigate(url + "/runtime-bench.html");
				page.waitForFunction("() => document.body.dataset.ready === 'true'");
				List<Double> script = new ArrayList<>();
				List<Double> layout = new ArrayList<>();
				for (int i = 0; i < WARM_UP + RUNS; i++) {
					Map<String, Object> times = (Map<String, Object>) page.evaluate("(name) => bench.run(name)", name);
					if (i >= WARM_UP) {
						script.add(((Number) times.get("script")).doubleValue());
						layout.add(((Number) times.get("layout")).doubleValue());
					}
				}
				results.put(name, Map.of("script", Stats.summary(script), "layout", Stats.summary(layout)));
			}
		}
		return results;
	}

}

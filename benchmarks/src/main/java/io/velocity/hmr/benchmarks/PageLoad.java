package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/**
 * A cold page load in a fresh browser context (no cache): the {@code load} event and the
 * moment the entry module ran, which is after every module of its static graph was
 * evaluated, both from navigation start.
 */
final class PageLoad {

	private static final String MODULE_PRELOAD = "<link rel=\"modulepreload\"[^>]*>";

	private PageLoad() {
	}

	/**
	 * Load the page once.
	 * @param browser the browser
	 * @param url the page
	 * @param preload whether to keep the server's modulepreload hints; without, they are
	 * cut from the document, to measure what they save
	 * @return {@code load}, {@code lastModuleEvaluated}, {@code requests} and {@code preloadHints}
	 */
	static Map<String, Double> once(Browser browser, String url, boolean preload) {
		try (BrowserContext context = browser.newContext()) {
			double[] hints = new double[1];
			// Both variants go through the same route, so that only the hints differ.
			context.route(url + "/", (route) -> {
				APIResponse response = route.fetch();
				String html = response.text();
				hints[0] = html.split("rel=\"modulepreload\"", -1).length - 1;
				route.fulfill(new Route.FulfillOptions().setResponse(response)
					.setBody(preload ? html : html.replaceAll(MODULE_PRELOAD, "")));
			});
			int[] requests = new int[1];
			// Resource timing keeps 250 entries by default; count what the browser asked for instead.
			context.onRequest((request) -> requests[0]++);
			Page page = context.newPage();
			page.setDefaultTimeout(120_000);
			page.navigate(url + "/");
			page.waitForFunction("() => window.__renderedAt && performance.getEntriesByType('navigation')[0]?.loadEventEnd");
			@SuppressWarnings("unchecked")
			Map<String, Object> times = (Map<String, Object>) page.evaluate("""
					() => ({ load: performance.getEntriesByType('navigation')[0].loadEventStart,
					  lastModuleEvaluated: window.__mainAt, rendered: window.__renderedAt })""");
			Map<String, Double> result = new LinkedHashMap<>();
			times.forEach((key, value) -> result.put(key, Stats.round(((Number) value).doubleValue())));
			result.put("requests", (double) requests[0]);
			result.put("preloadHints", hints[0]);
			return result;
		}
	}

	/**
	 * Load the page several times and keep the median of each measure.
	 */
	static Map<String, Double> median(Browser browser, String url, boolean preload, int runs) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		for (int i = 0; i < runs; i++) {
			once(browser, url, preload).forEach((key, value) -> values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value));
		}
		Map<String, Double> medians = new LinkedHashMap<>();
		values.forEach((key, list) -> medians.put(key, Stats.median(list)));
		return medians;
	}

}

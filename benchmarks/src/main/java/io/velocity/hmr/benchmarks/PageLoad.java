package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A cold page load in a fresh browser context (no cache): the {@code load} event and the
 * moment the entry module ran, which is after every module of its static graph was
 * evaluated, both from navigation start.
 */
final class PageLoad {

	private PageLoad() {
	}

	/**
	 * Load the page once.
	 * @param browser the browser
	 * @param url the page
	 * @param preload whether to load the page with the server's modulepreload hints or
	 * the one without, to measure what they save
	 * @return {@code load}, {@code lastModuleEvaluated}, {@code requests} and
	 * {@code preloadHints}
	 */
	static Map<String, Double> once(Browser browser, String url, boolean preload) {
		return once(browser, url + (preload ? "/" : "/no-preload.html"));
	}

	/**
	 * Load a page once.
	 * @param browser the browser
	 * @param pageUrl the page
	 * @return as {@link #once(Browser, String, boolean)}
	 */
	static Map<String, Double> once(Browser browser, String pageUrl) {
		try (BrowserContext context = browser.newContext()) {
			// Resource timing keeps 250 entries by default.
			context.addInitScript("performance.setResourceTimingBufferSize(100000)");
			Page page = context.newPage();
			page.setDefaultTimeout(120_000);
			// A route would send every request through Playwright's driver: the page
			// without
			// hints is a page of its own instead.
			page.navigate(pageUrl);
			page.waitForFunction(
					"() => window.__renderedAt && performance.getEntriesByType('navigation')[0]?.loadEventEnd");
			@SuppressWarnings("unchecked")
			Map<String, Object> times = (Map<String, Object>) page.evaluate(
					"""
							() => ({ load: performance.getEntriesByType('navigation')[0].loadEventStart,
							  lastModuleEvaluated: window.__mainAt, rendered: window.__renderedAt,
							  ...((entries) => {
							    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
							    const navigation = performance.getEntriesByType('navigation')[0];
							    return { requests: entries.length, documentResponseEnd: navigation.responseEnd,
							      lastRequestStart: Math.max(...entries.map((entry) => entry.startTime)),
							      lastResponseEnd: Math.max(...entries.map((entry) => entry.responseEnd)),
							      medianQueued: median(entries.map((entry) => entry.requestStart - entry.startTime)),
							      medianServerWait: median(entries.map((entry) => entry.responseStart - entry.requestStart)),
							      medianDownload: median(entries.map((entry) => entry.responseEnd - entry.responseStart)) };
							  })(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/frontend/') || entry.name.includes('/plain/') || entry.name.includes('/__velocity/bundle'))) })""");
			Map<String, Double> result = new LinkedHashMap<>();
			times.forEach((key, value) -> result.put(key, Stats.round(((Number) value).doubleValue())));
			result.put("preloadHints",
					((Number) page.evaluate("() => document.querySelectorAll('link[rel=modulepreload]').length"))
						.doubleValue());
			return result;
		}
	}

	/**
	 * Load the page several times and keep the median of each measure.
	 */
	static Map<String, Double> median(Browser browser, String url, boolean preload, int runs) {
		return median(browser, url + (preload ? "/" : "/no-preload.html"), runs);
	}

	/**
	 * Load a page several times and keep the median of each measure.
	 */
	static Map<String, Double> median(Browser browser, String pageUrl, int runs) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		for (int i = 0; i < runs; i++) {
			once(browser, pageUrl)
				.forEach((key, value) -> values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value));
		}
		Map<String, Double> medians = new LinkedHashMap<>();
		values.forEach((key, list) -> medians.put(key, Stats.median(list)));
		return medians;
	}

	/**
	 * Load several pages in turn, round after round, and keep the median of each measure
	 * per page: interleaved, so that a server still warming up or a machine getting
	 * busier weighs on every page alike.
	 * @param browser the browser
	 * @param pageUrls the pages
	 * @param runs the number of rounds
	 * @return the medians, one map per page in the order given
	 */
	static List<Map<String, Double>> interleaved(Browser browser, List<String> pageUrls, int runs) {
		List<Map<String, List<Double>>> values = new ArrayList<>();
		pageUrls.forEach((url) -> values.add(new LinkedHashMap<>()));
		for (int i = 0; i < runs; i++) {
			for (int page = 0; page < pageUrls.size(); page++) {
				Map<String, List<Double>> pageValues = values.get(page);
				once(browser, pageUrls.get(page))
					.forEach((key, value) -> pageValues.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value));
			}
		}
		List<Map<String, Double>> medians = new ArrayList<>();
		for (Map<String, List<Double>> pageValues : values) {
			Map<String, Double> pageMedians = new LinkedHashMap<>();
			pageValues.forEach((key, list) -> pageMedians.put(key, Stats.median(list)));
			medians.add(pageMedians);
		}
		return medians;
	}

}

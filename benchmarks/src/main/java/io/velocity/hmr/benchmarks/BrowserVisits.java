package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Page visits of any server (Velocity in development or production, Vite's preview) to a
 * page whose entry records {@code window.__renderedAt}: a cold load in a fresh browser
 * context (empty cache), and a repeat visit in a context that has loaded the page once.
 */
final class BrowserVisits {

	private static final String WAIT = "() => window.__renderedAt && performance.getEntriesByType('navigation')[0]?.loadEventEnd";

	private BrowserVisits() {
	}

	/**
	 * Load the page in a fresh context.
	 * @param browser the browser
	 * @param url the page
	 * @return {@code load} (the load event), {@code rendered} (the entry's render done),
	 * both in ms from navigation start, {@code requests} and {@code transferredKiB}
	 */
	static Map<String, Double> cold(Browser browser, String url) {
		try (BrowserContext context = browser.newContext()) {
			return visit(context, url, null);
		}
	}

	/**
	 * Load the page {@code runs} times, each in a fresh context, after one load that
	 * warms the server, and keep the median of each measure.
	 */
	static Map<String, Double> coldMedian(Browser browser, String url, int runs) {
		cold(browser, url);
		return median(() -> cold(browser, url), runs);
	}

	/**
	 * {@link #repeat} {@code runs} times, each in a fresh context, keeping the median of
	 * each measure.
	 */
	static Map<String, Double> repeatMedian(Browser browser, String url, String hashed, int runs) {
		return median(() -> repeat(browser, url, hashed), runs);
	}

	private static Map<String, Double> median(Supplier<Map<String, Double>> visit, int runs) {
		List<Map<String, Double>> visits = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			visits.add(visit.get());
		}
		return medians(visits);
	}

	/**
	 * The median of each measure of several visits.
	 * @param visits the visits' measures
	 * @return the medians
	 */
	static Map<String, Double> medians(List<Map<String, Double>> visits) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		visits.forEach((measures) -> measures
			.forEach((key, value) -> values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value)));
		Map<String, Double> medians = new LinkedHashMap<>();
		values.forEach((key, list) -> medians.put(key, Stats.median(list)));
		return medians;
	}

	/**
	 * Load the page, then visit it again from a new tab of the same context, as a user
	 * coming back would.
	 * @param browser the browser
	 * @param url the page
	 * @param hashed a regular expression (JavaScript) that the URLs of the fingerprinted
	 * files match
	 * @return the second visit's measures, with {@code hashedFromNetwork} (fingerprinted
	 * files fetched or revalidated: the goal is none) and {@code hashedFromCache}
	 */
	static Map<String, Double> repeat(Browser browser, String url, String hashed) {
		try (BrowserContext context = browser.newContext()) {
			visit(context, url, null);
			return visit(context, url, hashed);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Double> visit(BrowserContext context, String url, String hashed) {
		context.addInitScript("performance.setResourceTimingBufferSize(100000)");
		Page page = context.newPage();
		page.setDefaultTimeout(120_000);
		page.navigate(url);
		page.waitForFunction(WAIT);
		// transferSize is 0 for a file taken from the cache with no request (same
		// origin).
		Map<String, Object> measures = (Map<String, Object>) page.evaluate("""
				(hashed) => {
				  const navigation = performance.getEntriesByType('navigation')[0];
				  const entries = performance.getEntriesByType('resource');
				  const matching = hashed ? entries.filter((entry) => new RegExp(hashed).test(entry.name)) : [];
				  return { load: navigation.loadEventStart, rendered: window.__renderedAt,
				    document: navigation.responseEnd,
				    requests: 1 + entries.filter((entry) => entry.transferSize > 0).length,
				    transferredKiB: (navigation.transferSize
				      + entries.reduce((sum, entry) => sum + entry.transferSize, 0)) / 1024,
				    hashedFromNetwork: matching.filter((entry) => entry.transferSize > 0).length,
				    hashedFromCache: matching.filter((entry) => entry.transferSize === 0).length };
				}""", hashed);
		Map<String, Double> result = new LinkedHashMap<>();
		measures.forEach((key, value) -> {
			if (hashed != null || !key.startsWith("hashed")) {
				result.put(key, Stats.round(((Number) value).doubleValue()));
			}
		});
		page.close();
		return result;
	}

}

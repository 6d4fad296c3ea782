package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.jspecify.annotations.Nullable;

/**
 * Save-to-DOM latency: writes a file the way an editor saves it and times, on this
 * machine's clock, the moment a {@code MutationObserver} in the page sees the new text,
 * with the update's stages read from the server's message and the client's marks.
 */
final class EditLatency {

	/**
	 * Installed in every page before its scripts run: records, on the page's epoch clock,
	 * when the element expected to change first shows the expected text.
	 */
	static final String OBSERVER = """
			window.__bench = { id: null, text: null, style: null, seenAt: 0 };
			window.__marker = 'loaded once';
			const check = () => {
			  const bench = window.__bench;
			  const element = (bench.id && !bench.seenAt) ? document.getElementById(bench.id) : null;
			  if (element && (bench.style ? getComputedStyle(element).getPropertyValue(bench.style) === bench.text
			      : element.textContent.includes(bench.text))) {
			    bench.seenAt = performance.timeOrigin + performance.now();
			  }
			};
			new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
			// A swapped <link> style sheet applies when it has loaded, not when it is inserted.
			document.addEventListener('load', check, true);
			""";

	static final double TIMEOUT_MILLIS = 5_000;

	private EditLatency() {
	}

	/**
	 * What an edit changes and how the page shows it.
	 *
	 * @param file the file to write
	 * @param content the file's content for edit number {@code n} (from 1)
	 * @param elementId the element whose text or style changes
	 * @param expected the text it contains after edit {@code n}, or the computed value of
	 * the style property
	 * @param style the CSS property whose computed value changes, or {@code null} when
	 * the text changes
	 */
	record Target(Path file, IntFunction<String> content, String elementId, IntFunction<String> expected,
			@Nullable String style) {

		Target(Path file, IntFunction<String> content, String elementId, IntFunction<String> expected) {
			this(file, content, elementId, expected, null);
		}

	}

	/**
	 * Run edits and measure them on the first page; the other pages only count updates.
	 * @param pages the open pages, all showing the target
	 * @param target the edit target
	 * @param warmUp edits not measured
	 * @param edits edits measured
	 * @return the summary: save-to-DOM and stage percentiles, failures, reloads
	 */
	static Map<String, Object> run(List<Page> pages, Target target, int warmUp, int edits) {
		String original = read(target.file());
		Page page = pages.get(0);
		double offset = Clock.offset(page);
		List<Double> saveToDom = new ArrayList<>();
		Map<String, List<Double>> stages = new LinkedHashMap<>();
		int failures = 0;
		int updatesOnOtherPages = 0;
		try {
			for (int n = 1; n <= warmUp + edits; n++) {
				String expected = target.expected().apply(n);
				for (Page each : pages) {
					each.evaluate("([id, text, style]) => window.__bench = { id, text, style, seenAt: 0 }",
							Arrays.asList(target.elementId(), expected, target.style()));
				}
				Object previous = page.evaluate("() => window.__velocity_hmr__?.lastUpdate?.timestamp ?? 0");
				String content = target.content().apply(n);
				double writeAt = Clock.now();
				write(target.file(), content);
				double seenAt;
				try {
					page.waitForFunction("() => window.__bench.seenAt", null,
							new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MILLIS));
					seenAt = ((Number) page.evaluate("() => window.__bench.seenAt")).doubleValue() - offset;
				}
				catch (PlaywrightException ex) {
					failures += (n > warmUp) ? 1 : 0;
					continue;
				}
				for (Page other : pages.subList(1, pages.size())) {
					if (seen(other) && n > warmUp) {
						updatesOnOtherPages++;
					}
				}
				if (n <= warmUp) {
					settle(page, previous);
					continue;
				}
				saveToDom.add(seenAt - writeAt);
				Map<String, Double> breakdown = breakdown(page, previous, writeAt, seenAt, offset);
				breakdown
					.forEach((stage, millis) -> stages.computeIfAbsent(stage, (key) -> new ArrayList<>()).add(millis));
			}
		}
		finally {
			write(target.file(), original);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("saveToDom", Stats.summary(saveToDom));
		result.put("failures", failures);
		result.put("reloads", reloads(pages));
		if (pages.size() > 1) {
			result.put("otherPages", pages.size() - 1);
			result.put("updatesOnOtherPages", updatesOnOtherPages);
			result.put("expectedUpdatesOnOtherPages", (pages.size() - 1) * edits);
		}
		Map<String, Object> stageSummary = new LinkedHashMap<>();
		stages.forEach((stage, values) -> stageSummary.put(stage, Stats.summary(values)));
		result.put("stages", stageSummary);
		return result;
	}

	private static boolean seen(Page page) {
		try {
			page.waitForFunction("() => window.__bench.seenAt", null,
					new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MILLIS));
			return true;
		}
		catch (PlaywrightException ex) {
			return false;
		}
	}

	/**
	 * Waits for the client to finish the update, then splits its path into stages, all in
	 * milliseconds on this machine's clock.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Double> breakdown(Page page, Object previous, double writeAt, double seenAt,
			double offset) {
		Map<String, Double> breakdown = new LinkedHashMap<>();
		if (!settle(page, previous)) {
			return breakdown;
		}
		Map<String, Object> timing = (Map<String, Object>) page
			.evaluate("() => window.__velocity_hmr__.lastUpdate.timing");
		Map<String, Object> server = (Map<String, Object>) timing.get("stages");
		double detectedAt = number(server, "detectedAt");
		double sentAt = number(server, "sentAt");
		double receivedAt = number(timing, "receivedAt") - offset;
		double importedAt = number(timing, "importedAt") - offset;
		double appliedAt = number(timing, "appliedAt") - offset;
		breakdown.put("detect", detectedAt - writeAt);
		breakdown.put("quiet", number(server, "quiet"));
		breakdown.put("compile", number(server, "compile"));
		breakdown.put("graph", number(server, "graph"));
		breakdown.put("serverOther", number(server, "total") - number(server, "compile") - number(server, "graph"));
		// Part of serverOther: the registry form of a bundled page's update.
		breakdown.put("registry", number(server, "registry"));
		breakdown.put("send", receivedAt - sentAt);
		breakdown.put("import", importedAt - receivedAt);
		breakdown.put("receiveToDom", seenAt - receivedAt);
		breakdown.put("callbacksDone", appliedAt - receivedAt);
		breakdown.values().removeIf((value) -> value.isNaN());
		return breakdown;
	}

	private static boolean settle(Page page, Object previous) {
		try {
			page.waitForFunction("(previous) => (window.__velocity_hmr__?.lastUpdate?.timestamp ?? 0) !== previous",
					previous, new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MILLIS));
			return true;
		}
		catch (PlaywrightException ex) {
			return false;
		}
	}

	private static int reloads(List<Page> pages) {
		int reloads = 0;
		for (Page page : pages) {
			reloads += Boolean.TRUE.equals(page.evaluate("() => window.__marker === 'kept'")) ? 0 : 1;
		}
		return reloads;
	}

	static void markPages(List<Page> pages) {
		pages.forEach((page) -> page.evaluate("() => window.__marker = 'kept'"));
	}

	private static double number(Map<String, Object> values, String key) {
		Object value = (values != null) ? values.get(key) : null;
		return (value instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

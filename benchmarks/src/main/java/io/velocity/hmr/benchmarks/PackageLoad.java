package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.velocity.hmr.bundle.EsbuildBundler;
import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolver;

/**
 * The {@code packages} section: a page that imports date-fns (a WebJar whose index fans
 * out into ~250 modules) and lit (mvnpm, four packages), loaded cold in a fresh browser
 * context, served module by module and pre-bundled; and the time esbuild takes to build
 * the bundles, with their sizes.
 */
final class PackageLoad {

	// Renders a lit element with a date-fns value: both packages must have loaded.
	/**
	 * Native-module pages, as the figures of {@code docs/packages.md} were measured: what
	 * is compared is how packages are served, module by module or pre-bundled.
	 */
	private static final PageMode PAGES = PageMode.NATIVE;

	private static final String MAIN = """
			import { format, addDays } from 'date-fns';
			import { LitElement, html } from 'lit';

			class BenchCard extends LitElement {
			  static properties = { day: {} };
			  declare day: string;
			  render() { return html`<p id="day">${this.day}</p>`; }
			}
			customElements.define('bench-card', BenchCard);
			(window as any).__mainAt = performance.now();
			const card = document.createElement('bench-card') as BenchCard;
			card.day = format(addDays(new Date(2024, 1, 1), 1), 'yyyy-MM-dd');
			document.getElementById('app')!.append(card);
			card.updateComplete.then(() => { (window as any).__renderedAt = performance.now(); });
			""";

	private static final List<String> ENTRIES = List.of("date-fns", "lit", "lit-element/lit-element.js", "lit-html",
			"@lit/reactive-element");

	private PackageLoad() {
	}

	static Map<String, Object> measure(Browser browser, Path work) throws IOException {
		Path project = Files.createDirectories(work.resolve("packages/frontend"));
		Files.writeString(project.resolve("main.tsx"), MAIN);
		Files.writeString(project.resolve("styles.css"), "body { margin: 0; }\n");
		Map<String, Object> results = new LinkedHashMap<>();
		BenchmarkRunner.log("packages: esbuild build time and sizes, fresh cache");
		results.put("prebundle", build(work.resolve("packages/build-cache")));
		String cache = "--velocity.hmr.packages.cache-directory=" + work.resolve("packages/cache");
		for (boolean prebundle : new boolean[] { false, true }) {
			String mode = prebundle ? "prebundled" : "unbundled";
			try (RunningApp app = RunningApp.start(project, true, PAGES,
					"--velocity.hmr.packages.prebundle=" + prebundle, cache)) {
				BenchmarkRunner.log("packages, " + mode + ": first load after start-up, then 5 cold loads");
				results.put(mode + "First", once(browser, app.url));
				results.put(mode + "Warm", median(browser, app.url, 5));
			}
		}
		try (RunningApp app = RunningApp.start(project, true, PAGES, cache)) {
			BenchmarkRunner.log("packages, prebundled: first load after a restart (bundles on disk)");
			results.put("prebundledAfterRestart", once(browser, app.url));
		}
		return results;
	}

	private static Map<String, Object> build(Path cache) {
		ClasspathPackageIndex classpath = ClasspathPackageIndex.scan(PackageLoad.class.getClassLoader());
		PackageResolver resolver = new PackageResolver(classpath);
		EsbuildBundler bundler = EsbuildBundler.create(classpath, cache, true);
		Map<String, Object> entries = new LinkedHashMap<>();
		for (String specifier : ENTRIES) {
			try {
				PackageFile entry = resolver.resolve(specifier, (Path) null);
				long start = System.nanoTime();
				int bytes = bundler.bundle(entry).map(String::length).orElse(-1);
				double cold = (System.nanoTime() - start) / 1e6;
				Files.delete(cache.resolve("esbuild-0.25.10")
					.resolve(entry.pkg().id())
					.resolve("bundles")
					.resolve(entry.path()));
				start = System.nanoTime();
				bundler.bundle(entry);
				double rebuild = (System.nanoTime() - start) / 1e6;
				entries.put(specifier, Map.of("firstBuildMillis", Stats.round(cold), "rebuildMillis",
						Stats.round(rebuild), "bytes", bytes));
			}
			catch (Exception ex) {
				entries.put(specifier, Map.of("error", String.valueOf(ex.getMessage())));
			}
		}
		return entries;
	}

	private static Map<String, Double> once(Browser browser, String url) {
		try (BrowserContext context = browser.newContext()) {
			context.addInitScript("performance.setResourceTimingBufferSize(100000)");
			Page page = context.newPage();
			page.setDefaultTimeout(120_000);
			page.navigate(url + "/");
			page.waitForFunction(
					"() => window.__renderedAt && performance.getEntriesByType('navigation')[0]?.loadEventEnd");
			@SuppressWarnings("unchecked")
			Map<String, Object> times = (Map<String, Object>) page.evaluate("""
					() => {
					  const resources = performance.getEntriesByType('resource');
					  const packages = resources.filter((entry) => entry.name.includes('/__velocity/npm/'));
					  return { load: performance.getEntriesByType('navigation')[0].loadEventStart,
					    rendered: window.__renderedAt, requests: resources.length, packageRequests: packages.length,
					    packageBytes: packages.reduce((sum, entry) => sum + entry.decodedBodySize, 0) };
					}""");
			Map<String, Double> result = new LinkedHashMap<>();
			times.forEach((key, value) -> result.put(key, Stats.round(((Number) value).doubleValue())));
			return result;
		}
	}

	private static Map<String, Double> median(Browser browser, String url, int runs) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		for (int i = 0; i < runs; i++) {
			once(browser, url)
				.forEach((key, value) -> values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value));
		}
		Map<String, Double> medians = new LinkedHashMap<>();
		values.forEach((key, list) -> medians.put(key, Stats.median(list)));
		return medians;
	}

}

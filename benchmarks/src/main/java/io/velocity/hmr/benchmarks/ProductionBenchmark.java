package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.velocity.hmr.test.Browsers;

/**
 * The 1,000-module app built for production: Velocity's build against Vite's of the same
 * sources in the same run (build time, sizes, cold load, repeat visit), and against
 * Velocity's own development load. Results go to {@code docs/performance.md} through
 * {@link ProductionReport}.
 */
final class ProductionBenchmark {

	static final int BUILDS = 3;

	static final int LOADS = 7;

	static final int REPEATS = 3;

	/**
	 * The entry of both apps, written as Solid's: Velocity resolves {@code solid-js/web}
	 * to its runtime, Vite to Solid's.
	 */
	private static final String MAIN = """
			(window as any).__mainAt = performance.now();
			import { render } from 'solid-js/web';
			import C0 from './s0/C0';

			render(() => <C0 />, document.getElementById('app')!);
			(window as any).__renderedAt = performance.now();
			""";

	private ProductionBenchmark() {
	}

	static Map<String, Object> run(Path repository, Path work) throws Exception {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("loadAverageAtStart", loadAverage());
		Path sources = ProjectGenerator.generate(work.resolve("production-1000"), 1_000);
		Files.writeString(sources.resolve("main.tsx"), MAIN);
		VelocityProduction velocity = VelocityProduction.create(work.resolve("velocity-production"), sources);
		ViteProject vite = null;
		try {
			vite = ViteProject.create(repository.resolve("benchmarks/target/vite-production"), sources);
		}
		catch (IOException ex) {
			BenchmarkRunner.log("Vite is not compared: " + ex.getMessage().lines().findFirst().orElse(""));
			results.put("viteMissing", ex.getMessage().lines().findFirst().orElse(""));
		}
		Map<String, Object> velocityResults = new LinkedHashMap<>();
		Map<String, Object> viteResults = new LinkedHashMap<>();
		builds(velocity, vite, velocityResults, viteResults);
		velocityResults.put("sizes", BundleSizes.of(velocity.output()));
		if (vite != null) {
			viteResults.put("sizes", BundleSizes.of(vite.output()));
		}
		Map<String, Object> devResults = new LinkedHashMap<>();
		try (Playwright playwright = Playwright.create(Browsers.createOptions());
				Browser browser = Browsers.launch(playwright)) {
			results.put("machine", Report.machine(browser.version()));
			// Development as by default: a bundled page.
			try (RunningApp dev = RunningApp.start(sources, true, PageMode.BUNDLED)) {
				BenchmarkRunner.log("production: cold loads of the same app in development (bundled page)");
				devResults.put("cold", BrowserVisits.coldMedian(browser, dev.url, LOADS));
			}
			try (VelocityProduction.Server server = velocity.serve();
					ViteProject.Preview preview = (vite != null) ? vite.preview() : null) {
				// Interleaved, so that both servers see the same load from the rest of
				// the
				// machine.
				BenchmarkRunner.log("production: cold loads of Velocity's build"
						+ ((preview != null) ? " and of Vite's (vite preview), interleaved" : ""));
				List<Map<String, Double>> velocityLoads = new ArrayList<>();
				List<Map<String, Double>> viteLoads = new ArrayList<>();
				BrowserVisits.cold(browser, server.url());
				if (preview != null) {
					BrowserVisits.cold(browser, preview.url());
				}
				for (int i = 0; i < LOADS; i++) {
					velocityLoads.add(BrowserVisits.cold(browser, server.url()));
					if (preview != null) {
						viteLoads.add(BrowserVisits.cold(browser, preview.url()));
					}
				}
				velocityResults.put("cold", BrowserVisits.medians(velocityLoads));
				velocityResults.put("repeat",
						BrowserVisits.repeatMedian(browser, server.url(), "/__velocity/build/", REPEATS));
				if (preview != null) {
					viteResults.put("cold", BrowserVisits.medians(viteLoads));
					viteResults.put("repeat", BrowserVisits.repeatMedian(browser, preview.url(), "/assets/", REPEATS));
				}
			}
		}
		results.put("velocity", velocityResults);
		results.put("dev", devResults);
		if (vite != null) {
			results.put("vite", viteResults);
			results.put("viteVersions", ViteProject.VERSIONS);
		}
		results.put("loadAverageAtEnd", loadAverage());
		return results;
	}

	/**
	 * Build with each tool in turn, {@link #BUILDS} times, each in a process of its own.
	 */
	private static void builds(VelocityProduction velocity, ViteProject vite, Map<String, Object> velocityResults,
			Map<String, Object> viteResults) throws IOException, InterruptedException {
		List<Double> velocityWall = new ArrayList<>();
		List<Double> velocityReported = new ArrayList<>();
		List<Double> viteWall = new ArrayList<>();
		for (int i = 0; i < BUILDS; i++) {
			BenchmarkRunner.log("production: build " + (i + 1) + " of " + BUILDS);
			double[] times = velocity.build();
			velocityWall.add(times[0]);
			velocityReported.add(times[1]);
			if (vite != null) {
				viteWall.add(vite.build());
			}
		}
		velocityResults.put("buildMs", Stats.round(Stats.median(velocityWall)));
		velocityResults.put("buildReportedMs", Stats.round(Stats.median(velocityReported)));
		velocityResults.put("buildRuns", velocityWall);
		if (vite != null) {
			viteResults.put("buildMs", Stats.round(Stats.median(viteWall)));
			viteResults.put("buildRuns", viteWall);
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "?";
		}
	}

}

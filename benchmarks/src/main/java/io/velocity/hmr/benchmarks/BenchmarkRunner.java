package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.velocity.hmr.test.Browsers;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

/**
 * Runs every benchmark and writes {@code benchmarks/target/results.json} and the results
 * section of {@code docs/performance.md}. Arguments: the repository root, then
 * {@code true} for everything or a comma-separated choice of {@code latency},
 * {@code load}, {@code runtime}, {@code server}, {@code compile}, {@code watch} and
 * {@code dom} (the keyed table, whose results go to a section of their own), and
 * {@code production} (the production build against Vite's, a section of its own).
 * {@code packages} alone measures package loading and pre-bundling, written to
 * {@code benchmarks/target/packages.json} only; {@code bundled} alone the bundled page's
 * loads right after start-up and warm (the 1,000- and 10,000-module projects, or those
 * {@code -Dvelocity.benchmark.bundled-sizes} names), written to
 * {@code benchmarks/target/bundled.json} only.
 */
public final class BenchmarkRunner {

	/**
	 * Where the app keeps its analyses by default, relative to the working directory,
	 * which this JVM and the probes share.
	 */
	private static final Path COMPILE_CACHE = Path.of("target/velocity-compile-cache");

	private BenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		Path repository = Path.of(args[0]).toAbsolutePath().normalize();
		Set<String> sections = (args.length < 2 || args[1].isBlank() || args[1].equals("true"))
				? Set.of("latency", "load", "runtime", "server", "compile", "watch", "dom")
				: Arrays.stream(args[1].split(",")).map(String::trim).collect(Collectors.toSet());
		if (sections.contains("dom")) {
			log("keyed table (js-framework-benchmark operations), Velocity against vanilla DOM");
			Map<String, Object> machine = Report.machine(null);
			DomReport.write(repository, DomBenchmark.run(Integer.getInteger("velocity.benchmark.dom-samples", 15)),
					machine.get("nproc") + " cores, " + machine.get("cpu"));
			if (sections.size() == 1) {
				System.exit(0);
			}
		}
		Path work = Files.createTempDirectory("velocity-bench");
		if (sections.contains("production")) {
			log("production build: Velocity's against Vite's, and against the development load");
			try {
				ProductionReport.write(repository, ProductionBenchmark.run(repository, work.resolve("production")));
			}
			finally {
				FileSystemUtils.deleteRecursively(work.resolve("production"));
			}
			if (sections.size() == 1) {
				FileSystemUtils.deleteRecursively(work);
				System.exit(0);
			}
		}
		Map<String, Object> results = new LinkedHashMap<>();
		if (sections.equals(Set.of("bundled"))) {
			// Reported on its own (benchmarks/target/bundled.json): the bundled page's
			// loads alone, for trying a change to them quickly.
			bundled(repository, work);
			System.exit(0);
		}
		if (sections.equals(Set.of("packages"))) {
			// Reported on its own (docs/packages.md): the results section of
			// performance.md is left as it is.
			packages(repository, work);
			System.exit(0);
		}
		try {
			Path sample = work.resolve("sample");
			FileSystemUtils.copyRecursively(repository.resolve("sample-app/src/main/frontend"), sample);
			StoreModule.write(sample);
			Path project1000 = ProjectGenerator.generate(work.resolve("project-1000"), 1_000);
			Path project10000 = ProjectGenerator.generate(work.resolve("project-10000"), 10_000);
			Path chain = ProjectGenerator.generate(work.resolve("chain-100"), 100, 1);
			if (sections.contains("latency") || sections.contains("load") || sections.contains("runtime")) {
				browserRuns(results, sections, sample, project1000, project10000, chain);
			}
			if (sections.contains("server")) {
				// The starter as by default: bundled pages.
				log("start-up, 7 runs each with and without the starter (bundled pages)");
				results.put("startUp", ServerRuns.startUp(sample, PageMode.BUNDLED, 7));
				log("heap at 1,000 and 10,000 modules (bundled pages)");
				results.put("heap1000", ServerRuns.heap(project1000, PageMode.BUNDLED));
				results.put("heap10000", ServerRuns.heap(project10000, PageMode.BUNDLED));
			}
			if (sections.contains("watch")) {
				log("write-to-callback latency of the file watcher");
				results.put("watch", WatchLatency.measure());
			}
			if (sections.contains("compile")) {
				log("compile throughput (JMH)");
				results.put("compile", compile());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
		Report.write(repository, results);
		System.exit(0);
	}

	private static void browserRuns(Map<String, Object> results, Set<String> sections, Path sample, Path project1000,
			Path project10000, Path chain) throws IOException, InterruptedException {
		try (Playwright playwright = Playwright.create(Browsers.createOptions());
				Browser browser = Browsers.launch(playwright)) {
			results.put("machine", Report.machine(browser.version()));
			if (sections.contains("load")) {
				Path plain;
				// A previous run of the app, in a JVM of its own, compiles every module
				// once
				// and keeps the analyses on disk (velocity.hmr.compiler.cache-directory):
				// "right after start-up" is then a restart, as during development.
				FileSystemUtils.deleteRecursively(COMPILE_CACHE);
				// Native-module pages (velocity.hmr.bundle.enabled=false): informational
				// since bundled pages became the default, and the floor.
				log("a previous run of the 1,000-module app, native modules (another JVM), keeps its analyses");
				ServerRuns.probe("with", project1000, PageMode.NATIVE, true);
				// First, so that "right after start-up" is a fresh server in a fresh JVM.
				// The same tree as plain static modules, served beside the project (the
				// floor).
				plain = StaticModules.generate(project1000.resolveSibling("plain-1000"), 1_000);
				try (RunningApp app = RunningApp.start(project1000, true, PageMode.NATIVE,
						"--spring.web.resources.static-locations=classpath:/static/,file:" + plain + "/")) {
					log("cold page load of 1,000 native modules right after start-up");
					results.put("loadAfterStartUp1000", PageLoad.once(browser, app.url, true));
					log("cold page load of 1,000 native modules, server warm, with and without modulepreload");
					log("(interleaved with the floor: the same tree as 1,000 plain static modules)");
					List<Map<String, Double>> warm = PageLoad.interleaved(browser,
							List.of(app.url + "/", app.url + "/no-preload.html", app.url + "/plain-modules.html"), 5);
					results.put("loadWarm1000", warm.get(0));
					results.put("loadWarm1000NoPreload", warm.get(1));
					results.put("loadStatic1000", warm.get(2));
				}
				try (RunningApp app = RunningApp.start(chain, true, PageMode.NATIVE)) {
					log("cold page load of a chain of 100 native modules, server warm, with and without modulepreload");
					PageLoad.once(browser, app.url, true);
					List<Map<String, Double>> warm = PageLoad.interleaved(browser,
							List.of(app.url + "/", app.url + "/no-preload.html"), 5);
					results.put("loadWarmChain100", warm.get(0));
					results.put("loadWarmChain100NoPreload", warm.get(1));
				}
				try (RunningApp app = RunningApp.start(project10000, true, PageMode.NATIVE)) {
					// The first page of a 10,000-module app in a fresh JVM, native
					// modules (issue 15's scale goal is judged on the bundled page).
					log("first page of 10,000 native modules right after start-up");
					results.put("loadAfterStartUp10000", PageLoad.once(browser, app.url, true));
				}
				// Bundled pages (the default, what the goals are judged on), each app in
				// a JVM of its own, so that right after start-up is a fresh server.
				log("bundled page of 1,000 modules: right after start-up, then warm, interleaved with the floor");
				Map<String, Map<String, Double>> bundled = BundledApp.loads(browser, project1000, plain, 5);
				results.put("loadBundledAfterStartUp1000", bundled.get("afterStartUp"));
				results.put("loadBundledWarm1000", bundled.get("warm"));
				results.put("loadBundledFloor1000", bundled.get("floor"));
				log("bundled page of 10,000 modules: right after start-up, then warm");
				bundled = BundledApp.loads(browser, project10000, null, 3);
				results.put("loadBundledAfterStartUp10000", bundled.get("afterStartUp"));
				results.put("loadBundledWarm10000", bundled.get("warm"));
				// The deep leaf edit on a native-module page, beside the latency
				// section's on the default bundled page.
				try (RunningApp app = RunningApp.start(project1000, true, PageMode.NATIVE)) {
					log("leaf edit, 1,000 modules, native modules");
					results.put("leafNative1000",
							Scenarios.measure(browser, app.url, Scenarios.deepLeaf(project1000, 1_000), 1));
				}
			}
			if (sections.contains("runtime")) {
				// Module serving without HMR: the page loads the runtime as production
				// pages do (no bundle without HMR).
				try (RunningApp app = RunningApp.start(sample, true, PageMode.NATIVE, "--velocity.hmr.enabled=false")) {
					log("runtime operations (js-framework-benchmark, keyed)");
					results.put("runtime", RuntimeBench.measure(browser, app.url));
				}
			}
			if (sections.contains("latency")) {
				// The hot path on bundled pages, the default (the native-module deep leaf
				// is in the load section).
				try (RunningApp app = RunningApp.start(sample, true, PageMode.BUNDLED)) {
					log("leaf edit, sample Counter");
					results.put("leaf", Scenarios.measure(browser, app.url, Scenarios.counterLabel(sample), 1));
					log("store edit: module-level signals, six importers");
					results.put("store", Scenarios.measure(browser, app.url, Scenarios.storeModule(sample), 1));
					log("cascade edit, sample utils.ts");
					results.put("cascade", Scenarios.measure(browser, app.url, Scenarios.sharedUtil(sample), 1));
					log("leaf edit with 10 open tabs");
					results.put("leaf10Tabs", Scenarios.measure(browser, app.url, Scenarios.counterLabel(sample), 10));
					log("style rule edit, sample Counter.css (imported)");
					results.put("cssImported",
							Scenarios.measure(browser, app.url, Scenarios.importedStyleRule(sample), 1));
					log("style rule edit, sample styles.css (linked)");
					results.put("cssLinked", Scenarios.measure(browser, app.url, Scenarios.linkedStyleRule(sample), 1));
				}
				try (RunningApp app = RunningApp.start(project10000, true, PageMode.BUNDLED)) {
					log("leaf edit, 10,000 modules");
					results.put("leaf10000",
							Scenarios.measure(browser, app.url, Scenarios.deepLeaf(project10000, 10_000), 1));
				}
				// After the other scenarios, so that both projects are measured in an
				// equally warm JVM.
				try (RunningApp app = RunningApp.start(project1000, true, PageMode.BUNDLED)) {
					log("leaf edit, 1,000 modules");
					results.put("leaf1000",
							Scenarios.measure(browser, app.url, Scenarios.deepLeaf(project1000, 1_000), 1));
				}
			}
		}
	}

	private static void bundled(Path repository, Path work) throws Exception {
		Map<String, Object> results = new LinkedHashMap<>();
		try (Playwright playwright = Playwright.create(Browsers.createOptions());
				Browser browser = Browsers.launch(playwright)) {
			results.put("machine", Report.machine(browser.version()));
			results.put("loadAverageAtStart", Report.loadAverage());
			// -Dvelocity.benchmark.bundled-sizes=10000 measures that project alone.
			for (String size : System.getProperty("velocity.benchmark.bundled-sizes", "1000,10000").split(",")) {
				int modules = Integer.parseInt(size.trim());
				Path project = ProjectGenerator.generate(work.resolve("project-" + modules), modules);
				log("bundled page of " + modules + " modules: right after start-up, then warm");
				Map<String, Map<String, Double>> bundled = BundledApp.loads(browser, project, null, 3);
				results.put("loadBundledAfterStartUp" + modules, bundled.get("afterStartUp"));
				results.put("loadBundledWarm" + modules, bundled.get("warm"));
			}
			results.put("loadAverageAtEnd", Report.loadAverage());
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
		writeJson(repository, "bundled.json", results);
	}

	private static void writeJson(Path repository, String name, Map<String, Object> results) throws IOException {
		Path json = repository.resolve("benchmarks/target/" + name);
		Files.createDirectories(json.getParent());
		String text = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsString(results);
		Files.writeString(json, text);
		System.out.println(text);
		log("wrote " + json);
	}

	private static void packages(Path repository, Path work) throws Exception {
		Map<String, Object> results = new LinkedHashMap<>();
		try (Playwright playwright = Playwright.create(Browsers.createOptions());
				Browser browser = Browsers.launch(playwright)) {
			results.put("machine", Report.machine(browser.version()));
			results.putAll(PackageLoad.measure(browser, work));
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
		writeJson(repository, "packages.json", results);
	}

	private static Map<String, Object> compile() throws Exception {
		Collection<RunResult> runs = new Runner(new OptionsBuilder().include(CompileBenchmarks.class.getName())
			.forks(1)
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(10)
			.measurementTime(TimeValue.seconds(1))
			.build()).run();
		Map<String, Object> compile = new LinkedHashMap<>();
		for (RunResult run : runs) {
			String name = run.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			compile.put(name,
					Map.of("score", Stats.round(run.getPrimaryResult().getScore()), "error",
							Stats.round(run.getPrimaryResult().getScoreError()), "unit",
							run.getPrimaryResult().getScoreUnit()));
		}
		return compile;
	}

	static void log(String message) {
		System.out.println("[benchmark] " + message);
	}

}

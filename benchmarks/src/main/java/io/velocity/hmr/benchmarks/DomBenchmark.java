package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.test.Browsers;
import io.velocity.hmr.test.StaticRoutes;

import org.springframework.util.FileSystemUtils;

/**
 * js-framework-benchmark's keyed table in Chromium: the Velocity version, idiomatic Solid
 * TSX compiled by the compiler as in production, against a hand-written vanilla-DOM
 * baseline (and, given {@code -Dbenchmark.solid=<dir with main.js>}, a Solid build) in
 * the same browser. Each sample is a fresh page, set up, then one click timed until the
 * next frame is committed; samples of the implementations are interleaved, and medians
 * compared. Also the JS heap and the event listeners after 1,000 rows.
 */
final class DomBenchmark {

	private static final String RESOURCES = "io/velocity/hmr/benchmarks/dom/";

	// Without vsync, a frame is committed as soon as it is ready: no wait for the
	// display.
	private static final List<String> ARGS = List.of("--disable-gpu-vsync", "--disable-frame-rate-limit");

	private static final String LISTENER_COUNTER = """
			(() => { let count = 0; const proto = EventTarget.prototype;
			  const add = proto.addEventListener, remove = proto.removeEventListener;
			  proto.addEventListener = function (...args) { count++; return add.apply(this, args); };
			  proto.removeEventListener = function (...args) { count--; return remove.apply(this, args); };
			  Object.defineProperty(window, '__listeners', { get: () => count }); })();""";

	private static final String TIME_CLICK = """
			async (selector) => { const target = document.querySelector(selector);
			  const start = performance.now(); target.click();
			  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			  return performance.now() - start; }""";

	private final List<String> implementations = new ArrayList<>(List.of("vanilla", "velocity"));

	private final Map<String, String> compiled = new LinkedHashMap<>();

	private final Path solid;

	private DomBenchmark(Path solid) {
		this.solid = solid;
		if (solid != null) {
			this.implementations.add("solid");
		}
	}

	static Map<String, Object> run(int samples) throws IOException {
		String solid = System.getProperty("velocity.benchmark.solid", "");
		DomBenchmark benchmark = new DomBenchmark(solid.isBlank() ? null : Path.of(solid));
		benchmark.compile();
		try (Playwright playwright = Playwright.create(Browsers.createOptions())) {
			BrowserType.LaunchOptions options = Browsers.launchOptions();
			List<String> args = new ArrayList<>((options.args != null) ? options.args : List.of());
			args.addAll(ARGS);
			try (Browser browser = playwright.chromium().launch(options.setArgs(args))) {
				return benchmark.measure(browser, samples);
			}
		}
	}

	// The Velocity version compiled once, in production mode, as the application would
	// serve it.
	private void compile() throws IOException {
		Path root = Files.createTempDirectory("velocity-dom");
		try {
			for (String name : List.of("main.tsx", "data.ts")) {
				try (InputStream input = resource("velocity/" + name)) {
					Files.write(root.resolve(name), input.readAllBytes());
				}
			}
			FileSystemModuleSources sources = new FileSystemModuleSources(List.of(root));
			ModuleCompiler compiler = new ModuleCompiler(sources, new ModuleUrls("/frontend"));
			for (String name : List.of("main.tsx", "data.ts")) {
				this.compiled.put("/frontend/" + name, compiler.compile(sources.find(name).orElseThrow()).code());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(root);
		}
	}

	private Map<String, Object> measure(Browser browser, int samples) throws IOException {
		Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
		for (int sample = 0; sample < samples; sample++) {
			BenchmarkRunner.log("keyed table, round " + (sample + 1) + " of " + samples);
			for (DomOperation operation : DomOperation.values()) {
				List<String> order = new ArrayList<>(this.implementations);
				if (sample % 2 == 1) {
					java.util.Collections.reverse(order);
				}
				for (String implementation : order) {
					double millis = sample(browser, implementation, operation);
					times.computeIfAbsent(operation.key(), (key) -> new LinkedHashMap<>())
						.computeIfAbsent(implementation, (key) -> new ArrayList<>())
						.add(millis);
				}
			}
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("samples", samples);
		results.put("implementations", this.implementations);
		results.put("times", times);
		Map<String, Object> memory = new LinkedHashMap<>();
		Map<String, Object> listeners = new LinkedHashMap<>();
		// Chromium and the harness add some listeners of their own: counted on a page
		// without an implementation.
		int pageListeners = listenersOfAnEmptyPage(browser);
		for (String implementation : this.implementations) {
			List<Double> heap = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				double[] measured = heapAndListeners(browser, implementation);
				heap.add(measured[0]);
				listeners.put(implementation, (int) measured[1] - pageListeners);
			}
			memory.put(implementation, Stats.round(Stats.median(heap)));
		}
		results.put("heapMb", memory);
		results.put("listeners", listeners);
		return results;
	}

	private double sample(Browser browser, String implementation, DomOperation operation) throws IOException {
		try (BrowserContext context = open(browser)) {
			Page page = load(context, implementation);
			for (String selector : operation.setUp()) {
				page.evaluate(TIME_CLICK, selector);
			}
			return (Double) ((Number) page.evaluate(TIME_CLICK, operation.timed())).doubleValue();
		}
	}

	private double[] heapAndListeners(Browser browser, String implementation) throws IOException {
		try (BrowserContext context = open(browser)) {
			Page page = load(context, implementation);
			page.evaluate(TIME_CLICK, "#run");
			CDPSession cdp = context.newCDPSession(page);
			cdp.send("HeapProfiler.collectGarbage");
			cdp.send("HeapProfiler.collectGarbage");
			JsonObject usage = cdp.send("Runtime.getHeapUsage");
			double megabytes = usage.get("usedSize").getAsDouble() / (1024 * 1024);
			double listeners = ((Number) page.evaluate("() => window.__listeners")).doubleValue();
			return new double[] { megabytes, listeners };
		}
	}

	private int listenersOfAnEmptyPage(Browser browser) throws IOException {
		try (BrowserContext context = open(browser)) {
			return ((Number) load(context, "none").evaluate("() => window.__listeners")).intValue();
		}
	}

	private BrowserContext open(Browser browser) throws IOException {
		BrowserContext context = browser.newContext();
		context.addInitScript(LISTENER_COUNTER);
		StaticRoutes.create().velocityClient().classpath("/dom/", RESOURCES).install(context);
		context.route(StaticRoutes.ORIGIN + "/frontend/**", (route) -> {
			String code = this.compiled.get(URI.create(route.request().url()).getPath());
			route.fulfill(new Route.FulfillOptions().setStatus((code != null) ? 200 : 404)
				.setContentType("text/javascript; charset=utf-8")
				.setBody((code != null) ? code : ""));
		});
		if (this.solid != null) {
			context.route(StaticRoutes.ORIGIN + "/solid/**", (route) -> {
				Path file = this.solid.resolve(URI.create(route.request().url()).getPath().substring(7)).normalize();
				try {
					route.fulfill(new Route.FulfillOptions().setContentType("text/javascript; charset=utf-8")
						.setBodyBytes(Files.readAllBytes(file)));
				}
				catch (IOException ex) {
					route.fulfill(new Route.FulfillOptions().setStatus(404));
				}
			});
		}
		return context;
	}

	private static Page load(BrowserContext context, String implementation) {
		Page page = context.newPage();
		page.navigate(StaticRoutes.ORIGIN + "/dom/index.html?impl=" + implementation);
		page.waitForFunction("() => document.body.dataset.ready !== undefined");
		if (!"yes".equals(page.evaluate("() => document.body.dataset.ready"))) {
			throw new IllegalStateException(implementation + " did not load");
		}
		return page;
	}

	private static InputStream resource(String name) throws IOException {
		InputStream input = DomBenchmark.class.getClassLoader().getResourceAsStream(RESOURCES + name);
		if (input == null) {
			throw new IOException("No resource " + RESOURCES + name);
		}
		return input;
	}

	static String text(String name) throws IOException {
		try (InputStream input = resource(name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

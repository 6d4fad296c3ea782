package io.velocity.hmr.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.ModuleCompiler;

/**
 * The cold load of a bundled page ({@link PageMode#BUNDLED}, the default), with the app
 * in a JVM of its own so that "right after start-up" is a fresh server as in a restart
 * during development (after a previous run that served the page once and kept what it
 * compiled on disk): the first page, then, with the server warm, the page interleaved
 * with the floor of unbundled loading (the same tree as plain static modules) when given.
 * The child ({@link #main}) starts the app, prints its URL and runs until its standard
 * input closes.
 */
final class BundledApp {

	private BundledApp() {
	}

	/**
	 * Measure the loads of a bundled page.
	 * @param browser the browser
	 * @param root the source root
	 * @param plain the directory of {@code plain-modules.html}, or {@code null}
	 * @param runs the number of warm rounds
	 * @return {@code afterStartUp}, {@code warm} and, with a floor, {@code floor}
	 * @throws IOException on failure
	 * @throws InterruptedException if interrupted
	 */
	static Map<String, Map<String, Double>> loads(Browser browser, Path root, Path plain, int runs)
			throws IOException, InterruptedException {
		// A previous run of the bundled app (a JVM of its own) serves the page once and
		// keeps its analyses and registry forms on disk: right after start-up is then a
		// restart, as during development.
		run(root, plain, (url) -> {
			PageLoad.once(browser, url + "/");
			return Map.of();
		});
		return run(root, plain, (url) -> {
			Map<String, Map<String, Double>> results = new LinkedHashMap<>();
			results.put("afterStartUp", PageLoad.once(browser, url + "/"));
			if (plain != null) {
				List<Map<String, Double>> warm = PageLoad.interleaved(browser,
						List.of(url + "/", url + "/plain-modules.html"), runs);
				results.put("warm", warm.get(0));
				results.put("floor", warm.get(1));
			}
			else {
				results.put("warm", PageLoad.median(browser, url + "/", runs));
			}
			return results;
		});
	}

	private static Map<String, Map<String, Double>> run(Path root, Path plain, Measurement measurement)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// For profiling the app's JVM, e.g.
		// VELOCITY_BENCHMARK_APP_JVM_ARGS=-XX:StartFlightRecording=...
		String jvmArgs = System.getenv().getOrDefault("VELOCITY_BENCHMARK_APP_JVM_ARGS", "").trim();
		if (!jvmArgs.isEmpty()) {
			command.addAll(List.of(jvmArgs.split("\\s+")));
		}
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), BundledApp.class.getName(), root.toString()));
		if (plain != null) {
			command.add("--spring.web.resources.static-locations=classpath:/static/,file:" + plain + "/");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String url = null;
			StringBuilder output = new StringBuilder();
			while (url == null) {
				String line = reader.readLine();
				if (line == null) {
					break;
				}
				output.append(line).append('\n');
				url = line.startsWith("URL ") ? line.substring(4) : null;
			}
			if (url == null) {
				throw new IllegalStateException("The bundled app did not start:\n" + output);
			}
			// Drained, so that the app never waits on a full pipe.
			Thread drain = new Thread(() -> {
				try {
					reader.transferTo(java.io.Writer.nullWriter());
				}
				catch (IOException ex) {
					// The app ended.
				}
			});
			drain.setDaemon(true);
			drain.start();
			Map<String, Map<String, Double>> results = measurement.measure(url);
			// Closing its input ends the app, which first writes what it keeps.
			process.getOutputStream().close();
			process.waitFor();
			return results;
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	private interface Measurement {

		Map<String, Map<String, Double>> measure(String url) throws IOException, InterruptedException;

	}

	/**
	 * @param args the source root, then further arguments of the app
	 * @throws IOException on failure
	 */
	public static void main(String[] args) throws IOException {
		String[] extra = List.of(args).subList(1, args.length).toArray(String[]::new);
		try (RunningApp app = RunningApp.start(Path.of(args[0]), true, PageMode.BUNDLED, extra)) {
			System.out.println("URL " + app.url);
			System.out.flush();
			System.in.transferTo(java.io.OutputStream.nullOutputStream());
			AnalysisCache kept = app.context.getBean(ModuleCompiler.class).getAnalysisCache();
			if (kept != null) {
				// What it keeps is written a moment after each compile: all of it, so
				// that
				// the next run finds the whole page (each wait is at most 10 s).
				for (int i = 0; i < 3; i++) {
					kept.flush();
				}
			}
		}
		System.exit(0);
	}

}

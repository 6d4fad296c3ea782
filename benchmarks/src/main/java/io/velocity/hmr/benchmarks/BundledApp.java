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

/**
 * The cold load of a bundled page ({@code velocity.hmr.bundle.enabled}), with the app in
 * a JVM of its own so that "right after start-up" is a fresh server as in a restart
 * during development: the first page, then, with the server warm, the page interleaved
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
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), BundledApp.class.getName(), root.toString()));
		if (plain != null) {
			command.add("--spring.web.resources.static-locations=classpath:/static/,file:" + plain + "/");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Map<String, Map<String, Double>> results = new LinkedHashMap<>();
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
			process.getOutputStream().close();
		}
		finally {
			process.destroy();
			process.waitFor();
		}
		return results;
	}

	/**
	 * @param args the source root, then further arguments of the app
	 * @throws IOException on failure
	 */
	public static void main(String[] args) throws IOException {
		List<String> extra = new ArrayList<>(List.of("--velocity.hmr.bundle.enabled=true"));
		extra.addAll(List.of(args).subList(1, args.length));
		try (RunningApp app = RunningApp.start(Path.of(args[0]), true, extra.toArray(String[]::new))) {
			System.out.println("URL " + app.url);
			System.out.flush();
			System.in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		System.exit(0);
	}

}

package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * Vite's production build of the same front end, for comparison only: Node.js and Vite
 * are used inside this benchmark, never by Velocity's users. Vite, vite-plugin-solid and
 * solid-js are installed once with npm into {@code benchmarks/target/vite-production}.
 */
final class ViteProject {

	static final String VERSIONS = "vite 7.3.8, vite-plugin-solid 2.11.14, solid-js 1.9.19";

	private static final String PACKAGE_JSON = """
			{"name":"velocity-benchmark-vite","private":true,"type":"module",
			 "devDependencies":{"vite":"7.3.8","vite-plugin-solid":"2.11.14","solid-js":"1.9.19"}}
			""";

	private final Path tools;

	private final Path app;

	private ViteProject(Path tools, Path app) {
		this.tools = tools;
		this.app = app;
	}

	/**
	 * Install Vite if needed and write the app: the same sources, a page that loads them
	 * as Velocity's does.
	 * @param tools the directory to install into
	 * @param sources the front end's sources (with {@code main.tsx} and
	 * {@code styles.css})
	 * @return the project
	 * @throws IOException if Node.js is missing or npm fails
	 */
	static ViteProject create(Path tools, Path sources) throws IOException, InterruptedException {
		Files.createDirectories(tools);
		if (!Files.isRegularFile(tools.resolve("node_modules/vite/package.json"))) {
			Files.writeString(tools.resolve("package.json"), PACKAGE_JSON);
			run(tools, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
		}
		Path app = tools.resolve("app");
		FileSystemUtils.deleteRecursively(app);
		FileSystemUtils.copyRecursively(sources, app);
		Files.writeString(app.resolve("index.html"), """
				<!doctype html>
				<html lang="en">
				<head>
					<meta charset="utf-8">
					<title>Vite</title>
					<link rel="stylesheet" href="/styles.css">
					<script type="module" src="/main.tsx"></script>
				</head>
				<body>
					<div id="app"></div>
				</body>
				</html>
				""");
		Files.writeString(app.resolve("vite.config.mjs"), """
				import solid from 'vite-plugin-solid';
				export default { plugins: [solid()], logLevel: 'warn' };
				""");
		return new ViteProject(tools, app);
	}

	/**
	 * Run {@code vite build} in a process of its own.
	 * @return the wall-clock time in ms
	 */
	double build() throws IOException, InterruptedException {
		FileSystemUtils.deleteRecursively(this.app.resolve("dist"));
		long start = System.nanoTime();
		run(this.tools, 300, "node", "node_modules/vite/bin/vite.js", "build", "app");
		return (System.nanoTime() - start) / 1e6;
	}

	Path output() {
		return this.app.resolve("dist/assets");
	}

	/**
	 * Start {@code vite preview} of the build.
	 * @return the running server, to close
	 */
	Preview preview() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder("node", "node_modules/vite/bin/vite.js", "preview", "app", "--host",
				"127.0.0.1", "--port", String.valueOf(port), "--strictPort")
			.directory(this.tools.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String url = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		// Polling is fine here: a benchmark waiting for a server it started, not a test.
		while (true) {
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return new Preview(process, url);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IOException("vite preview did not start at " + url);
			}
			Thread.sleep(100);
		}
	}

	private static void run(Path directory, int timeoutSeconds, String... command)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " failed:\n" + output);
		}
	}

	/**
	 * A running {@code vite preview}.
	 */
	record Preview(Process process, String url) implements AutoCloseable {

		@Override
		public void close() throws InterruptedException {
			this.process.descendants().forEach(ProcessHandle::destroy);
			this.process.destroy();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}

	}

}

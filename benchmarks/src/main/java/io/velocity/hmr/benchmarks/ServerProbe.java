package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.velocity.hmr.compile.CompileService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs in a JVM of its own: starts the benchmark app with or without Velocity HMR,
 * reports the start-up time and, when asked, the heap in use after the browser-facing
 * module handler served every module of the source root. Prints one line, {@code RESULT
 * {json}}.
 */
public final class ServerProbe {

	private ServerProbe() {
	}

	/**
	 * @param args {@code with} or {@code without} (Velocity HMR), the source root,
	 * {@code bundled} or {@code native} (the {@link PageMode}), and {@code load} to serve
	 * every module before measuring the heap
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		boolean hmr = args[0].equals("with");
		Path root = Path.of(args[1]);
		PageMode mode = PageMode.named(args[2]);
		boolean load = args.length > 3 && args[3].equals("load");
		Map<String, Object> result = new LinkedHashMap<>();
		try (RunningApp app = RunningApp.start(root, hmr, mode)) {
			result.put("jvmUptimeAtReadyMillis", ManagementFactory.getRuntimeMXBean().getUptime());
			// Less disturbed than wall time by other work on a shared machine.
			if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				result.put("cpuMillisAtReady", os.getProcessCpuTime() / 1_000_000);
			}
			// The thread that ran the start, which waits for nothing else: what the
			// starter adds to it is what it adds to start-up on a quiet machine.
			result.put("mainThreadCpuMillisAtReady",
					ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
			result.put("springRunMillis", Stats.round(app.startedMillis));
			if (load) {
				long start = System.nanoTime();
				result.put("modulesServed", serveAll(app.url, root));
				result.put("firstServeAllMillis", Stats.round((System.nanoTime() - start) / 1e6));
				start = System.nanoTime();
				serveAll(app.url, root);
				result.put("secondServeAllMillis", Stats.round((System.nanoTime() - start) / 1e6));
			}
			result.put("heapUsedBytes", heapAfterGc());
			if (hmr && load) {
				app.bean(CompileService.class).clear();
				result.put("heapUsedWithoutCompileCacheBytes", heapAfterGc());
			}
		}
		System.out.println("RESULT " + JsonMapper.builder().build().writeValueAsString(result));
		System.exit(0);
	}

	private static int serveAll(String url, Path root) throws Exception {
		List<String> paths;
		try (Stream<Path> files = Files.walk(root)) {
			paths = files.filter((file) -> file.toString().endsWith(".tsx"))
				.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.toList();
		}
		// Six connections, as a browser opens to one HTTP/1.1 origin.
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> statuses = paths.stream()
				.map((path) -> executor.submit(() -> get(client, url + "/frontend/" + path)))
				.toList();
			int served = 0;
			for (Future<Integer> status : statuses) {
				served += (status.get() == 200) ? 1 : 0;
			}
			return served;
		}
		finally {
			executor.shutdown();
		}
	}

	private static int get(HttpClient client, String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	static long heapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}

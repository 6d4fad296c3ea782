package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.watch.WatchSettings;

import org.springframework.util.FileSystemUtils;

/**
 * Write-to-callback latency of the {@link SourceWatcher}: how long after a file is
 * written the watcher delivers the change set that saw its content, for quiet periods of
 * 0 and 5 ms. The floor under every hot update.
 */
final class WatchLatency {

	private static final int WARM_UP = 10;

	private static final int WRITES = 50;

	private WatchLatency() {
	}

	static Map<String, Object> measure() throws Exception {
		Map<String, Object> results = new LinkedHashMap<>();
		for (long quietMillis : new long[] { 0, 5 }) {
			results.put("quiet" + quietMillis + "ms", measure(quietMillis));
		}
		return results;
	}

	private static Map<String, Object> measure(long quietMillis) throws Exception {
		Path root = Files.createTempDirectory("velocity-watch");
		BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
		Path file = Files.writeString(root.resolve("App.tsx"), "initial");
		try (SourceWatcher watcher = new SourceWatcher(
				new WatchSettings(List.of(root), List.of(), Duration.ofMillis(quietMillis)),
				(changeSet) -> callbacks.add(new Callback(changeSet.detectedNanos(), System.nanoTime(), read(file))))) {
			watcher.start();
			List<Double> detect = new ArrayList<>();
			List<Double> callback = new ArrayList<>();
			int extra = 0;
			for (int i = 0; i < WARM_UP + WRITES; i++) {
				long start = System.nanoTime();
				String content = "export const value = " + i + ";\n";
				Files.writeString(file, content);
				Callback delivered = callbacks.poll(5, TimeUnit.SECONDS);
				// A truncate seen apart from the write that follows it comes on its own:
				// wait
				// for the change set that saw this write's content.
				while (delivered != null && !content.equals(delivered.content())) {
					extra++;
					delivered = callbacks.poll(5, TimeUnit.SECONDS);
				}
				if (delivered == null) {
					throw new IllegalStateException("The watcher delivered no change within 5 s");
				}
				if (i >= WARM_UP) {
					detect.add(Math.max(0, delivered.detectedNanos() - start) / 1e6);
					callback.add((delivered.calledNanos() - start) / 1e6);
				}
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("detect", Stats.summary(detect));
			result.put("callback", Stats.summary(callback));
			result.put("extraChangeSets", extra + callbacks.size());
			BenchmarkRunner.log("watch latency, quiet period " + quietMillis + " ms: " + result);
			return result;
		}
		finally {
			FileSystemUtils.deleteRecursively(root);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private record Callback(long detectedNanos, long calledNanos, String content) {

	}

}

package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures write-to-callback latency of {@link SourceWatcher}; a measurement, not a test.
 * Run with {@code -Dvelocity.hmr.watch.latency=true}.
 *
 * @author Velocity HMR
 */
@EnabledIfSystemProperty(named = "velocity.hmr.watch.latency", matches = "true")
class SourceWatcherLatencyTests {

	private static final int WARM_UP = 10;

	private static final int WRITES = 50;

	@TempDir
	Path root;

	@ParameterizedTest
	@ValueSource(longs = { 0, 5 })
	void measureWriteToCallbackLatency(long quietMillis) throws Exception {
		BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
		Path file = Files.writeString(this.root.resolve("App.tsx"), "initial");
		try (SourceWatcher watcher = new SourceWatcher(
				new WatchSettings(List.of(this.root), List.of(), Duration.ofMillis(quietMillis)),
				(changeSet) -> callbacks.add(new Callback(changeSet.detectedNanos(), System.nanoTime(), read(file))))) {
			watcher.start();
			List<Long> detect = new ArrayList<>();
			List<Long> callback = new ArrayList<>();
			int extra = 0;
			for (int i = 0; i < WARM_UP + WRITES; i++) {
				long start = System.nanoTime();
				String content = "export const value = " + i + ";\n";
				Files.writeString(file, content);
				Callback delivered = callbacks.poll(5, TimeUnit.SECONDS);
				// A truncate seen apart from the write that follows it is delivered on
				// its own:
				// wait for the change set that saw this write's content.
				while (delivered != null && !content.equals(delivered.content())) {
					extra++;
					delivered = callbacks.poll(5, TimeUnit.SECONDS);
				}
				assertThat(delivered).isNotNull();
				if (i >= WARM_UP) {
					detect.add(Math.max(0, delivered.detectedNanos() - start));
					callback.add(delivered.calledNanos() - start);
				}
			}
			System.out.printf(
					"quiet period %d ms, %d writes: detect p50 %.2f ms p95 %.2f ms; callback p50 %.2f ms p95 %.2f ms; "
							+ "%d extra change sets%n",
					quietMillis, WRITES, percentile(detect, 50), percentile(detect, 95), percentile(callback, 50),
					percentile(callback, 95), extra + callbacks.size());
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

	private static double percentile(List<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1_000_000.0;
	}

	private record Callback(long detectedNanos, long calledNanos, String content) {

	}

}

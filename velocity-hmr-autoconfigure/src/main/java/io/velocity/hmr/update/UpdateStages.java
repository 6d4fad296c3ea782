package io.velocity.hmr.update;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each stage of an update took, sent with the update only when timings are on
 * ({@code velocity.hmr.debug}), for benchmarks and tests: {@code detectedAt} and
 * {@code sentAt} are epoch milliseconds with microsecond resolution, comparable with a
 * browser's {@code performance.timeOrigin + performance.now()}; the others are durations
 * in milliseconds.
 */
final class UpdateStages {

	private final boolean enabled;

	private final long started = System.nanoTime();

	private final Map<String, Double> stages = new LinkedHashMap<>();

	private long mark = this.started;

	private UpdateStages(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Start timing an update.
	 * @param enabled whether timings are on; when off, nothing is measured
	 * @param detectedNanos {@link System#nanoTime()} of the first file event, or the
	 * start of the update when it was not caused by a file
	 * @return the stages
	 */
	static UpdateStages start(boolean enabled, long detectedNanos) {
		UpdateStages stages = new UpdateStages(enabled);
		if (enabled) {
			// Finer than the watcher's millisecond clock, so that a benchmark can
			// subtract
			// the time it wrote the file.
			stages.stages.put("detectedAt", epochMillis() - millis(detectedNanos, stages.started));
			stages.stages.put("quiet", millis(detectedNanos, stages.started));
		}
		return stages;
	}

	/**
	 * Record the time since the previous stage ended under the given name.
	 * @param name the stage that just ended
	 */
	void ended(String name) {
		if (this.enabled) {
			long now = System.nanoTime();
			this.stages.put(name, millis(this.mark, now));
			this.mark = now;
		}
	}

	/**
	 * Skip the time since the previous stage ended, as part of no stage.
	 */
	void skip() {
		this.mark = System.nanoTime();
	}

	/**
	 * Return the stages of an update about to be sent, with its total and sending time.
	 * @return the stages, empty when timings are off
	 */
	Map<String, Double> sending() {
		if (!this.enabled) {
			return Map.of();
		}
		this.stages.put("total", millis(this.started, System.nanoTime()));
		this.stages.put("sentAt", epochMillis());
		return this.stages;
	}

	private static double epochMillis() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1000.0 + now.getNano() / 1000 / 1000.0;
	}

	private static double millis(long fromNanos, long toNanos) {
		return Math.round((toNanos - fromNanos) / 10_000.0) / 100.0;
	}

	@Override
	public String toString() {
		return this.stages.toString();
	}

}

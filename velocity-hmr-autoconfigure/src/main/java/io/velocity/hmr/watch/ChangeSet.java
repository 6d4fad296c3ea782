package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.List;

import org.springframework.util.Assert;

/**
 * The coalesced changes to source files seen during one quiet period, in the order they
 * were first seen. Each file appears at most once.
 *
 * @param changes the changes, in first-seen order
 * @param detectedNanos the {@link System#nanoTime()} of the first raw file system event
 * that led to this change set, so that later stages can report latency from detection
 * @param detectedEpochMillis the wall-clock time of that first raw event
 * @author Velocity HMR
 */
public record ChangeSet(List<FileChange> changes, long detectedNanos, long detectedEpochMillis) {

	public ChangeSet {
		Assert.notNull(changes, "'changes' must not be null");
		changes = List.copyOf(changes);
	}

	/**
	 * Return the changed files, in first-seen order.
	 * @return the files
	 */
	public List<Path> files() {
		return this.changes.stream().map(FileChange::file).toList();
	}

	/**
	 * Return whether this change set holds no changes.
	 * @return {@code true} if there are no changes
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/**
	 * Return the number of milliseconds since the first raw event of this change set.
	 * @return the time since detection, in milliseconds
	 */
	public long millisSinceDetected() {
		return (System.nanoTime() - this.detectedNanos) / 1_000_000;
	}

}

package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.watch.FileChange.Kind;

/**
 * Folds the raw file events of one quiet period into at most one change per file, in
 * first-seen order. Per file: created then modified is created, created then deleted is
 * nothing, modified then deleted is deleted, deleted then created is modified. Not
 * thread-safe.
 *
 * @author Velocity HMR
 */
final class ChangeCoalescer {

	private final Map<Path, Kind> pending = new LinkedHashMap<>();

	private long firstNanos;

	private long firstEpochMillis;

	private boolean open;

	/**
	 * Add a raw event.
	 * @param file the file
	 * @param kind the kind of the raw event
	 * @param nanos the {@link System#nanoTime()} at which it was seen
	 * @param epochMillis the wall-clock time at which it was seen
	 */
	void add(Path file, Kind kind, long nanos, long epochMillis) {
		open(nanos, epochMillis);
		Kind merged = merge(this.pending.get(file), kind);
		if (merged != null) {
			this.pending.put(file, merged);
		}
		else {
			this.pending.remove(file);
		}
	}

	/**
	 * Mark the start of a window without a file event, for example when a rescan is
	 * requested, so that the detection time is kept.
	 * @param nanos the {@link System#nanoTime()} of the trigger
	 * @param epochMillis the wall-clock time of the trigger
	 */
	void open(long nanos, long epochMillis) {
		if (!this.open) {
			this.open = true;
			this.firstNanos = nanos;
			this.firstEpochMillis = epochMillis;
		}
	}

	/**
	 * Return whether events were added since the last {@link #drain()}, even if they
	 * cancelled each other out.
	 * @return whether a window is open
	 */
	boolean isOpen() {
		return this.open;
	}

	/**
	 * Return the folded changes and start a new window.
	 * @return the change set, possibly empty
	 */
	ChangeSet drain() {
		List<FileChange> changes = new ArrayList<>(this.pending.size());
		this.pending.forEach((file, kind) -> changes.add(new FileChange(file, kind)));
		ChangeSet changeSet = new ChangeSet(changes, this.firstNanos, this.firstEpochMillis);
		this.pending.clear();
		this.open = false;
		return changeSet;
	}

	/**
	 * Put back changes drained earlier and not delivered, before the events added since,
	 * as if they had never been drained.
	 * @param earlier the drained changes
	 */
	void putBack(ChangeSet earlier) {
		Map<Path, Kind> later = new LinkedHashMap<>(this.pending);
		this.pending.clear();
		earlier.changes().forEach((change) -> this.pending.put(change.file(), change.kind()));
		later.forEach((file, kind) -> {
			Kind merged = merge(this.pending.get(file), kind);
			if (merged != null) {
				this.pending.put(file, merged);
			}
			else {
				this.pending.remove(file);
			}
		});
		if (!this.open || earlier.detectedNanos() - this.firstNanos < 0) {
			this.firstNanos = earlier.detectedNanos();
			this.firstEpochMillis = earlier.detectedEpochMillis();
		}
		this.open = true;
	}

	static @Nullable Kind merge(@Nullable Kind previous, Kind next) {
		if (previous == null) {
			return next;
		}
		return switch (previous) {
			case CREATED -> (next != Kind.DELETED) ? Kind.CREATED : null;
			case MODIFIED, DELETED -> (next != Kind.DELETED) ? Kind.MODIFIED : Kind.DELETED;
		};
	}

}

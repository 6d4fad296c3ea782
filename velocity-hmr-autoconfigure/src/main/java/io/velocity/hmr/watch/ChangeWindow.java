package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.velocity.hmr.watch.FileChange.Kind;

/**
 * Collects raw file events until the quiet period passes without a new one, then confirms
 * them against the {@link SourceSnapshot} and hands the result on. Events arrive on the
 * event loop thread; flushes run on the watcher's scheduler thread.
 * <p>
 * A file that was emptied is held back once for {@link #TRUNCATION_HOLD_NANOS}, since
 * most editors and {@code Files.writeString} truncate a file before writing it, and the
 * two steps are often seen apart when the quiet period is short: delivering the empty
 * file would make the browser run an empty module for a moment (and, as that module
 * exports nothing, reload the page). The write that follows ends the hold early, so only
 * a file really saved empty waits the whole hold; it is long enough for a writer that the
 * machine descheduled between the two steps (5 ms was not, on a loaded build machine).
 * The whole window is held with it: what was saved together is delivered together. A
 * rename and the importer's edit that follows it are one change set, and so one update;
 * delivered alone, the rename would have the importer compiled while its editor is
 * writing it.
 *
 * @author Velocity HMR
 */
final class ChangeWindow {

	static final long TRUNCATION_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final long NONE = Long.MIN_VALUE;

	private final long quietNanos;

	private final SourceSnapshot snapshot;

	private final BiConsumer<Runnable, Long> scheduler;

	private final Consumer<ChangeSet> delivery;

	private final Object lock = new Object();

	private final ChangeCoalescer coalescer = new ChangeCoalescer();

	private boolean rescanRequested;

	private long lastEventNanos;

	private long flushDeadline = NONE;

	private final Set<Path> held = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new window.
	 * @param quietNanos the quiet period in nanoseconds
	 * @param snapshot the snapshot that confirms changes; used on the flushing thread
	 * only
	 * @param scheduler runs a task on the scheduler thread after a delay in nanoseconds
	 * @param delivery receives each non-empty change set, on the scheduler thread
	 */
	ChangeWindow(long quietNanos, SourceSnapshot snapshot, BiConsumer<Runnable, Long> scheduler,
			Consumer<ChangeSet> delivery) {
		this.quietNanos = quietNanos;
		this.snapshot = snapshot;
		this.scheduler = scheduler;
		this.delivery = delivery;
	}

	/**
	 * Add a raw event for a file that is not ignored.
	 */
	void onEvent(Path file, Kind kind) {
		long now = System.nanoTime();
		synchronized (this.lock) {
			this.coalescer.add(file, kind, now, System.currentTimeMillis());
			this.lastEventNanos = now;
			if (this.quietNanos > 0) {
				scheduleFlush(this.quietNanos);
			}
		}
	}

	/**
	 * Signal that the event loop has read every event available, so that with a zero
	 * quiet period the events that arrived together are delivered together.
	 */
	void onIdle() {
		if (this.quietNanos == 0) {
			synchronized (this.lock) {
				if (this.coalescer.isOpen()) {
					scheduleFlush(0);
				}
			}
		}
	}

	/**
	 * Request that the next flush compares every file with the snapshot.
	 */
	void requestRescan() {
		long now = System.nanoTime();
		synchronized (this.lock) {
			this.coalescer.open(now, System.currentTimeMillis());
			this.rescanRequested = true;
			this.lastEventNanos = now;
			scheduleFlush(this.quietNanos);
		}
	}

	/**
	 * Discard everything collected, when watching stops.
	 */
	void clear() {
		synchronized (this.lock) {
			this.coalescer.drain();
			this.rescanRequested = false;
			this.flushDeadline = NONE;
			this.held.clear();
		}
	}

	private void scheduleFlush(long delayNanos) {
		long deadline = System.nanoTime() + delayNanos;
		if (this.flushDeadline != NONE && this.flushDeadline - deadline <= 0) {
			return;
		}
		this.flushDeadline = deadline;
		this.scheduler.accept(() -> flushWhenQuiet(deadline), delayNanos);
	}

	private void flushWhenQuiet(long deadline) {
		ChangeSet candidates;
		boolean rescan;
		synchronized (this.lock) {
			if (deadline != this.flushDeadline) {
				// Superseded by an earlier flush.
				return;
			}
			this.flushDeadline = NONE;
			long remaining = this.lastEventNanos + this.quietNanos - System.nanoTime();
			if (remaining > 0) {
				scheduleFlush(remaining);
				return;
			}
			rescan = this.rescanRequested;
			this.rescanRequested = false;
			candidates = this.coalescer.drain();
		}
		List<Path> truncated = new ArrayList<>();
		for (FileChange candidate : candidates.changes()) {
			if (candidate.kind() != Kind.DELETED && !this.held.contains(candidate.file())
					&& this.snapshot.isTruncated(candidate.file())) {
				truncated.add(candidate.file());
			}
		}
		if (!truncated.isEmpty()) {
			hold(truncated, candidates, rescan);
			return;
		}
		List<FileChange> ready = candidates.changes();
		ready.forEach((change) -> this.held.remove(change.file()));
		List<FileChange> changes = rescan ? this.snapshot.rescan(ready) : this.snapshot.confirm(ready);
		if (!changes.isEmpty()) {
			this.delivery.accept(new ChangeSet(changes, candidates.detectedNanos(), candidates.detectedEpochMillis()));
		}
	}

	private void hold(List<Path> truncated, ChangeSet candidates, boolean rescan) {
		synchronized (this.lock) {
			this.held.addAll(truncated);
			this.coalescer.putBack(candidates);
			this.rescanRequested |= rescan;
			long holdUntil = System.nanoTime() + TRUNCATION_HOLD_NANOS;
			if (holdUntil - (this.lastEventNanos + this.quietNanos) > 0) {
				this.lastEventNanos = holdUntil - this.quietNanos;
			}
			scheduleFlush(TRUNCATION_HOLD_NANOS);
		}
	}

}

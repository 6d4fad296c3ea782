package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * Watches the source roots recursively and delivers coalesced {@link ChangeSet change
 * sets} to one listener.
 * <p>
 * Raw events from directory-watcher (with content hashing on) are filtered by the
 * {@link IgnoreRules}, folded per file by a {@link ChangeWindow} until the quiet period
 * passes without a new event, checked against a {@link SourceSnapshot} of content hashes
 * (so identical saves are dropped) and handed to the listener on a single daemon thread
 * named {@value #THREAD_NAME}: change sets arrive one at a time, in order, and a slow
 * listener never stalls event intake, which runs on a second daemon thread. An event
 * overflow or a watcher error leads to a full rescan; a watch loop that ends unexpectedly
 * is restarted; a deleted source root is watched again once it reappears.
 *
 * @author Velocity HMR
 */
public final class SourceWatcher implements SmartLifecycle, AutoCloseable {

	static final String THREAD_NAME = "velocity-hmr-watch";

	private static final Log logger = LogFactory.getLog(SourceWatcher.class);

	private final WatchSettings settings;

	private final Consumer<ChangeSet> listener;

	private final IgnoreRules rules;

	private final SourceSnapshot snapshot;

	private final ScannedHashes scannedHashes = new ScannedHashes();

	private final WatchLoop loop;

	private final ChangeWindow window;

	private final Object lifecycleMonitor = new Object();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private volatile @Nullable ScheduledThreadPoolExecutor scheduler;

	private volatile boolean running;

	private volatile boolean registerInBackground;

	/**
	 * Create a new watcher. Nothing is watched until {@link #start()}.
	 * @param settings the settings
	 * @param listener the listener that receives each change set
	 */
	public SourceWatcher(WatchSettings settings, Consumer<ChangeSet> listener) {
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.settings = settings;
		this.listener = listener;
		this.rules = new IgnoreRules(settings.roots(), settings.ignorePatterns());
		IgnoringFileTreeVisitor visitor = new IgnoringFileTreeVisitor(this.rules);
		this.snapshot = new SourceSnapshot(settings.roots(), visitor, this.scannedHashes);
		this.window = new ChangeWindow(settings.quietPeriod().toNanos(), this.snapshot,
				(task, delayNanos) -> schedule(task, delayNanos, TimeUnit.NANOSECONDS), this::deliver);
		this.loop = new WatchLoop(this, this.window, settings.roots(), visitor, this.threads, this.scannedHashes);
	}

	/**
	 * Register the roots in the background, so that {@link #start()} returns at once and
	 * the walk over the roots (every file hashed) is off the application's start-up. A
	 * file modified once start was asked for is still reported, as created: its
	 * modification time tells, counted from the whole second before (file systems that
	 * keep coarser times); a file deleted before the walk reached it is not.
	 * @param registerInBackground whether to register in the background
	 */
	public void setRegisterInBackground(boolean registerInBackground) {
		this.registerInBackground = registerInBackground;
	}

	/**
	 * Start watching. Returns once every existing root is registered, so a change made
	 * after this method returns is reported; at once when the roots are
	 * {@link #setRegisterInBackground(boolean) registered in the background}.
	 */
	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, this::newThread);
			executor.setRemoveOnCancelPolicy(true);
			this.scheduler = executor;
			this.running = true;
			if (this.registerInBackground) {
				long since = System.currentTimeMillis() / 1000 * 1000;
				executor.execute(() -> registerReportingChangesSince(since));
			}
			else {
				register();
			}
			logger.info(LogMessage.format("Watching %d source root%s for changes: %s", this.settings.roots().size(),
					(this.settings.roots().size() != 1) ? "s" : "", this.settings.roots()));
		}
	}

	private void register() {
		ScheduledThreadPoolExecutor executor = this.scheduler;
		if (executor != null) {
			try {
				executor.submit(() -> {
					this.snapshot.reset();
					this.loop.start();
					this.scannedHashes.clear();
				}).get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				logger.warn("Failed to start watching source roots", ex.getCause());
			}
		}
	}

	private void registerReportingChangesSince(long millis) {
		// Not after a stop: no watch left behind.
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			try {
				this.snapshot.resetBefore(millis);
				this.loop.start();
				this.scannedHashes.clear();
				for (Path file : this.snapshot.modifiedSince(millis)) {
					if (!this.rules.isIgnored(file)) {
						this.window.onEvent(file, FileChange.Kind.MODIFIED);
					}
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to start watching source roots", ex);
			}
		}
	}

	/**
	 * Stop watching, discarding changes not yet delivered, and end the watcher's threads.
	 */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			ScheduledThreadPoolExecutor executor = this.scheduler;
			if (executor != null) {
				executor.shutdownNow();
			}
			this.loop.stop();
			this.window.clear();
			if (!this.threads.contains(Thread.currentThread())) {
				awaitThreads(TimeUnit.SECONDS.toNanos(2));
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Return the threads started by this watcher, for tests that check they end.
	 * @return the threads
	 */
	List<Thread> threads() {
		return List.copyOf(this.threads);
	}

	WatchLoop watchLoop() {
		return this.loop;
	}

	boolean isIgnored(Path path) {
		return this.rules.isIgnored(path);
	}

	/**
	 * Run the given task on the watcher's thread after the given delay.
	 */
	void schedule(Runnable task, long delay, TimeUnit unit) {
		ScheduledThreadPoolExecutor executor = this.scheduler;
		if (this.running && executor != null) {
			try {
				executor.schedule(task, delay, unit);
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	private void deliver(ChangeSet changeSet) {
		if (!this.running) {
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug(LogMessage.format("Detected %d changed file%s in %d ms: %s", changeSet.changes().size(),
					(changeSet.changes().size() != 1) ? "s" : "", changeSet.millisSinceDetected(),
					changeSet.changes().stream().map(this::describe).collect(Collectors.joining(", "))));
		}
		try {
			this.listener.accept(changeSet);
		}
		catch (RuntimeException ex) {
			logger.warn(LogMessage.format("Source change listener failed for %s", changeSet.files()), ex);
		}
	}

	private String describe(FileChange change) {
		Path root = this.rules.rootOf(change.file());
		return change.kind() + " " + ((root != null) ? root.relativize(change.file()) : change.file());
	}

	private Thread newThread(Runnable task) {
		Thread thread = new Thread(task, THREAD_NAME);
		thread.setDaemon(true);
		this.threads.removeIf((candidate) -> !candidate.isAlive());
		this.threads.add(thread);
		return thread;
	}

	private void awaitThreads(long timeoutNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

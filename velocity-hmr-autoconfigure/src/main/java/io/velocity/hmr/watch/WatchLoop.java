package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.hashing.FileHasher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

import io.velocity.hmr.watch.FileChange.Kind;

/**
 * Runs directory-watcher over the source roots that exist, on its own daemon thread, and
 * keeps it running: a loop that fails or ends is rebuilt, an event overflow rebuilds it
 * (so that folders created meanwhile get registered), and the roots are checked every
 * second so that a root that is created, deleted or replaced is picked up. Every rebuild
 * is followed by a rescan. All methods except {@link #stop()} run on the
 * {@link SourceWatcher}'s scheduler thread.
 *
 * @author Velocity HMR
 */
final class WatchLoop {

	private static final Log logger = LogFactory.getLog(SourceWatcher.class);

	private static final long ROOT_CHECK_MILLIS = 1000;

	private static final long MAX_RETRY_MILLIS = 5000;

	private final SourceWatcher owner;

	private final ChangeWindow window;

	private final List<Path> roots;

	private final IgnoringFileTreeVisitor visitor;

	private final List<Thread> threads;

	private final FileHasher hasher;

	private final Set<Path> reportedMissing = new HashSet<>();

	private volatile @Nullable DirectoryWatcher watcher;

	private Map<Path, @Nullable Object> watchedRoots = Map.of();

	private int failures;

	WatchLoop(SourceWatcher owner, ChangeWindow window, List<Path> roots, IgnoringFileTreeVisitor visitor,
			List<Thread> threads, FileHasher hasher) {
		this.owner = owner;
		this.hasher = hasher;
		this.window = window;
		this.roots = roots;
		this.visitor = visitor;
		this.threads = threads;
	}

	void start() {
		watch();
		this.owner.schedule(this::checkRoots, ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
	}

	void stop() {
		close();
	}

	@Nullable DirectoryWatcher current() {
		return this.watcher;
	}

	private void watch() {
		close();
		Map<Path, @Nullable Object> existing = new LinkedHashMap<>();
		for (Path root : this.roots) {
			if (Files.isDirectory(root)) {
				existing.put(root, fileKey(root));
				this.reportedMissing.remove(root);
			}
			else if (this.reportedMissing.add(root)) {
				logger.warn(LogMessage.format("Source root %s does not exist; it is watched once it is created", root));
			}
		}
		this.watchedRoots = existing;
		if (existing.isEmpty()) {
			return;
		}
		try {
			DirectoryWatcher created = DirectoryWatcher.builder()
				.paths(List.copyOf(existing.keySet()))
				.listener(new Intake())
				.fileHashing(true)
				.fileHasher(this.hasher)
				.fileTreeVisitor(this.visitor)
				.build();
			this.watcher = created;
			created.watchAsync(this::startThread).whenComplete((result, ex) -> ended(created, ex));
		}
		catch (IOException ex) {
			failed(ex);
		}
	}

	private void startThread(Runnable task) {
		Thread thread = new Thread(task, SourceWatcher.THREAD_NAME + "-loop");
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private void ended(DirectoryWatcher ended, @Nullable Throwable ex) {
		if (!this.owner.isRunning() || ended != this.watcher) {
			return;
		}
		if (ex != null) {
			this.owner.schedule(() -> failed(ex), 0, TimeUnit.MILLISECONDS);
		}
		else {
			logger.debug("File watching ended, probably because a source root was deleted; restarting");
			this.owner.schedule(this::restart, 0, TimeUnit.MILLISECONDS);
		}
	}

	private void failed(Throwable ex) {
		this.failures++;
		long delay = Math.min(100L << Math.min(this.failures, 6), MAX_RETRY_MILLIS);
		logger.warn(LogMessage.format("Watching source files failed; retrying in %d ms", delay), ex);
		this.owner.schedule(this::restart, delay, TimeUnit.MILLISECONDS);
	}

	private void restart() {
		if (this.owner.isRunning()) {
			watch();
			this.window.requestRescan();
		}
	}

	private void checkRoots() {
		if (!this.owner.isRunning()) {
			return;
		}
		DirectoryWatcher current = this.watcher;
		if (current != null && !current.isClosed()) {
			this.failures = 0;
		}
		for (Path root : this.roots) {
			Object key = Files.isDirectory(root) ? fileKey(root) : null;
			boolean exists = key != null || Files.isDirectory(root);
			if (exists != this.watchedRoots.containsKey(root)
					|| (exists && !Objects.equals(key, this.watchedRoots.get(root)))) {
				logger.debug(LogMessage.format("Source root %s was %s; restarting file watching", root,
						exists ? "created or replaced" : "deleted"));
				restart();
				break;
			}
		}
		this.owner.schedule(this::checkRoots, ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
	}

	private void close() {
		DirectoryWatcher current = this.watcher;
		this.watcher = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				logger.debug("Failed to close file watcher", ex);
			}
		}
	}

	private static @Nullable Object fileKey(Path root) {
		try {
			return Files.readAttributes(root, BasicFileAttributes.class).fileKey();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Receives directory-watcher's events on the loop thread.
	 */
	private final class Intake implements DirectoryChangeListener {

		@Override
		public void onEvent(DirectoryChangeEvent event) {
			switch (event.eventType()) {
				case OVERFLOW -> {
					logger.debug("File events were lost (overflow); rebuilding the watch and rescanning");
					WatchLoop.this.owner.schedule(WatchLoop.this::restart, 0, TimeUnit.MILLISECONDS);
				}
				case CREATE -> accept(event, Kind.CREATED);
				case MODIFY -> accept(event, Kind.MODIFIED);
				case DELETE -> accept(event, Kind.DELETED);
			}
		}

		private void accept(DirectoryChangeEvent event, Kind kind) {
			Path path = event.path();
			// Folders are not reported: their files' own events are.
			if (path != null && !event.isDirectory() && !WatchLoop.this.owner.isIgnored(path)) {
				WatchLoop.this.window.onEvent(path, kind);
			}
		}

		@Override
		public boolean isWatching() {
			return WatchLoop.this.owner.isRunning();
		}

		@Override
		public void onIdle(int count) {
			WatchLoop.this.window.onIdle();
		}

		@Override
		public void onException(Exception ex) {
			if (ex instanceof NoSuchFileException) {
				// A folder created and deleted again before it could be registered.
				logger.debug("Source path vanished while being registered", ex);
				return;
			}
			logger.warn("Error while watching source files; rescanning", ex);
			WatchLoop.this.window.requestRescan();
		}

	}

}

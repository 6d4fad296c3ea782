package io.velocity.hmr.compile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.Swc4jLibLoader;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.interfaces.ISwc4jLibLoadingListener;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Loads swc4j's native library from a directory of this user's. swc4j copies the library
 * out of its jar and loads it from there; by default into {@code /tmp/swc4j}, shared by
 * every user of the machine: when another user made it first, or {@code /tmp} is mounted
 * {@code noexec}, the application started and then failed every compile. Here the
 * directory is checked first (created private to this user, owned by it, writable) and
 * the library loaded while the application starts, so that a directory that cannot work
 * stops the start with a message that says what to change
 * ({@link NativeLibraryException}). A JVM gets one attempt: swc4j does not load again
 * once its loading failed.
 */
public final class NativeLibrary {

	private static final Log logger = LogFactory.getLog(NativeLibrary.class);

	private static volatile Path loadedFrom;

	/**
	 * A load started by {@link #loadInBackground()} and not yet awaited by the first
	 * compile, or {@code null}.
	 */
	private static volatile @Nullable CompletableFuture<Void> pending;

	private final Path directory;

	/**
	 * The checks of a load started by {@link #loadInBackground()}, or {@code null}.
	 */
	private volatile @Nullable CompletableFuture<Void> checked;

	/**
	 * Create a new instance.
	 * @param directory the directory to copy the library to and load it from
	 */
	public NativeLibrary(Path directory) {
		Assert.notNull(directory, "'directory' must not be null");
		this.directory = directory.toAbsolutePath().normalize();
	}

	/**
	 * Return the directory the library is loaded from.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Load the library, unless it is loaded already.
	 * @return this instance
	 * @throws NativeLibraryException if the directory cannot be used or the library does
	 * not load from it
	 */
	public NativeLibrary load() {
		load(this.directory);
		return this;
	}

	/**
	 * Start loading the library on a thread of its own, so that start-up goes on beside
	 * it and need not wait for it (the load takes a few hundred milliseconds). What makes
	 * a load fail is checked first on that thread, before the load: the directory
	 * (created private to this user, writable) and the library's copy in it, which must
	 * be executable there (a file system mounted {@code noexec} says it is not).
	 * {@link #awaitChecked()} tells how the checks went, {@link #awaitLoaded()} how the
	 * load went; {@link #failure()} whether it failed already.
	 * @return this instance
	 */
	public NativeLibrary loadInBackground() {
		CompletableFuture<Void> checks = new CompletableFuture<>();
		CompletableFuture<Void> load = new CompletableFuture<>();
		this.checked = checks;
		pending = load;
		Thread thread = new Thread(() -> {
			try {
				check();
				checks.complete(null);
				load(this.directory);
				load.complete(null);
			}
			catch (Throwable ex) {
				checks.completeExceptionally(ex);
				load.completeExceptionally(ex);
			}
		}, "velocity-hmr-native-library");
		thread.setDaemon(true);
		thread.start();
		return this;
	}

	/**
	 * Check what would make a load fail: the directory, and the library's copy in it.
	 */
	private void check() {
		prepare(this.directory);
		NativeLibraryFile.ensure(this.directory).ifPresent((file) -> {
			if (!Files.isExecutable(file)) {
				throw new NativeLibraryException(this.directory,
						"its file system does not allow executing files (mounted noexec?): " + file
								+ " is not executable",
						null);
			}
		});
	}

	/**
	 * Wait for the checks of a load started by {@link #loadInBackground()}, if any: they
	 * take a few milliseconds, unlike the load itself.
	 * @throws NativeLibraryException if the directory cannot be used or the library
	 * cannot be executed from it
	 */
	public void awaitChecked() {
		join(this.checked);
	}

	/**
	 * Wait for a load started by {@link #loadInBackground()}, if any.
	 * @throws NativeLibraryException if the library did not load
	 */
	public void awaitLoaded() {
		join(pending);
	}

	private static void join(@Nullable CompletableFuture<Void> future) {
		if (future == null) {
			return;
		}
		try {
			future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Return why a load started by {@link #loadInBackground()} failed, if it is over and
	 * failed, without waiting for it.
	 * @return the failure, or empty while loading, once loaded, or when no load started
	 */
	public Optional<RuntimeException> failure() {
		CompletableFuture<Void> load = pending;
		if (load == null || !load.isCompletedExceptionally()) {
			return Optional.empty();
		}
		try {
			awaitLoaded();
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of(ex);
		}
	}

	/**
	 * Wait until a load started in the background is over, whatever its outcome, before
	 * swc4j's classes are touched: touched first, they would load the library from
	 * swc4j's shared default directory.
	 */
	public static void awaitPendingLoad() {
		CompletableFuture<Void> load = pending;
		if (load != null) {
			load.exceptionally((ex) -> null).join();
		}
	}

	/**
	 * Make an swc compiler, once a load started in the background is over (see
	 * {@link #awaitPendingLoad()}): the one way the compile and registry steps make
	 * theirs.
	 * @return a new compiler; it holds no state, so one may serve every thread
	 */
	public static Swc4j newCompiler() {
		awaitPendingLoad();
		return new Swc4j();
	}

	/**
	 * Return the directory used unless one is configured:
	 * {@code <java.io.tmpdir>/velocity-hmr-<user>/swc4j}.
	 * @return the default directory
	 */
	public static Path defaultDirectory() {
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
		return Path.of(System.getProperty("java.io.tmpdir"), "velocity-hmr-" + user, "swc4j");
	}

	private static synchronized void load(Path absolute) {
		prepare(absolute);
		if (loadedFrom != null) {
			if (!loadedFrom.equals(absolute) && logger.isDebugEnabled()) {
				logger.debug("swc4j's native library is loaded from " + loadedFrom + " already");
			}
			return;
		}
		Swc4jLibLoader
			.setLibLoadingListener(new Listener(absolute.toFile(), NativeLibraryFile.ensure(absolute).isEmpty()));
		long start = System.nanoTime();
		try {
			// swc4j loads the library as its class initializes, and logs a failure
			// rather than throw it: only a call tells.
			new Swc4j().parse("0", new Swc4jParseOptions());
		}
		catch (LinkageError | Swc4jCoreException ex) {
			throw new NativeLibraryException(absolute, reason(loadError(absolute).orElse(ex)), ex);
		}
		loadedFrom = absolute;
		if (logger.isDebugEnabled()) {
			logger.debug("Loaded swc4j's native library from " + absolute + " in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

	private static void prepare(Path directory) {
		try {
			Files.createDirectories(directory);
			if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
				// Nobody else may replace the library this process is about to load.
				Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			throw new NativeLibraryException(directory, "it cannot be created or made private to "
					+ System.getProperty("user.name") + " (" + describe(ex) + ")", ex);
		}
		if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
			throw new NativeLibraryException(directory,
					"it is not a directory that " + System.getProperty("user.name") + " can write to", null);
		}
	}

	/**
	 * The error of loading the library swc4j copied, which it logged rather than threw:
	 * loading it again fails the same way and says why (a noexec mount, a missing system
	 * library).
	 */
	private static Optional<Throwable> loadError(Path directory) {
		try (Stream<Path> files = Files.walk(directory, 2)) {
			Optional<Path> library = files
				.filter((file) -> file.getFileName().toString().startsWith("libswc4j") && Files.isRegularFile(file))
				.findFirst();
			if (library.isPresent()) {
				System.load(library.get().toString());
			}
			return Optional.empty();
		}
		catch (IOException | LinkageError ex) {
			return Optional.of(ex);
		}
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = describe(cause);
		if (message.toLowerCase(Locale.ROOT).contains("failed to map segment")) {
			return "its file system does not allow executing files (mounted noexec?): " + message;
		}
		return message;
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	/**
	 * Tells swc4j where to put the library.
	 */
	/**
	 * Where swc4j finds the library: in the directory, copied there once; or, when it
	 * could not be, copied by swc4j itself into a subdirectory of this process's.
	 */
	private record Listener(File directory, boolean deploy) implements ISwc4jLibLoadingListener {

		@Override
		public File getLibPath() {
			return this.directory;
		}

		@Override
		public boolean isDeploy() {
			return this.deploy;
		}

		@Override
		public boolean isSuppressingError() {
			// A failure is reported once, by the check that follows, without swc4j's
			// stack trace.
			return true;
		}

	}

}

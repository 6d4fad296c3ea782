package io.velocity.hmr.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.source.ModuleSource;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keeps script analyses in a directory across restarts, so that a JVM started again
 * serves its first page without transpiling what did not change: the transpile is most of
 * a cold compile, and a restarted application otherwise compiles every module of the page
 * once more.
 * <p>
 * An analysis is kept in a file named after its module path, and is used only for the
 * same source bytes and the same compiler: the file holds the SHA-256 of the source and a
 * fingerprint of the compiler and its settings, and anything else reads as a miss. How
 * imports resolve depends on other files (which exist, the packages, the aliases): the
 * compiler resolves the specifiers of a read analysis again and ignores it unless they
 * resolve as they did (see {@link ModuleCompiler}). Files are written on a thread of
 * their own, off the request that compiled the module; a file that cannot be read or
 * written costs a compile, never a failure.
 */
public final class AnalysisCache {

	private static final Log logger = LogFactory.getLog(AnalysisCache.class);

	/**
	 * Changes whenever what is written changes.
	 */
	private static final int FORMAT = 1;

	private static final long WRITE_DELAY_MILLIS = 100;

	private static final String ANALYSIS = "analysis";

	private static final long PACK_DELAY_MILLIS = 2000;

	private final Path directory;

	private final Supplier<String> fingerprint;

	private final ScheduledExecutorService writer;

	private final AnalysisPack pack;

	private final AtomicBoolean packPending = new AtomicBoolean();

	private volatile long lastWriteNanos;

	private final AtomicLong hits = new AtomicLong();

	/**
	 * Create a new instance.
	 * @param directory the directory to keep analyses in, created when first written
	 * @param fingerprint names the compiler and the settings an analysis depends on;
	 * analyses made under another fingerprint are not used
	 */
	public AnalysisCache(Path directory, String fingerprint) {
		this(directory, checked(fingerprint));
	}

	/**
	 * Create a new instance whose fingerprint is made on first use: making it looks at
	 * the compiler's and swc4j's jars, which application start-up need not wait for.
	 * @param directory the directory to keep analyses in, created when first written
	 * @param fingerprint makes the fingerprint, once: names the compiler and the settings
	 * an analysis depends on; analyses made under another fingerprint are not used
	 */
	public AnalysisCache(Path directory, Supplier<String> fingerprint) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.notNull(fingerprint, "'fingerprint' must not be null");
		this.directory = directory.toAbsolutePath().normalize();
		this.pack = new AnalysisPack(this.directory);
		this.fingerprint = SingletonSupplier.of(() -> checked(fingerprint.get()).get());
		// One thread, started on first use and ended when idle.
		ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "velocity-hmr-analysis-cache");
			thread.setDaemon(true);
			return thread;
		});
		writer.setKeepAliveTime(5, TimeUnit.SECONDS);
		writer.allowCoreThreadTimeOut(true);
		this.writer = writer;
	}

	private static Supplier<String> checked(String fingerprint) {
		Assert.hasText(fingerprint, "'fingerprint' must not be empty");
		return () -> fingerprint;
	}

	/**
	 * Return the directory analyses are kept in.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	Optional<ModuleAnalysis> read(ModuleSource source, String text) {
		return readEither(name(source.path(), ANALYSIS), (bytes) -> analysis(bytes, source, text));
	}

	private Optional<ModuleAnalysis> analysis(byte[] bytes, ModuleSource source, String text) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (!readsHeader(in, source.path())) {
				return Optional.empty();
			}
			byte[] sourceHash = in.readNBytes(32);
			if (!Arrays.equals(sourceHash, sha256(source.content()))) {
				return Optional.empty();
			}
			ModuleAnalysis analysis = AnalysisCodec.read(in, text);
			return analysis.path().equals(source.path()) ? Optional.of(analysis) : Optional.empty();
		}
	}

	/**
	 * Read what is kept in a file: its copy in the pack if that passes, otherwise the
	 * file. A file that is not there, cannot be read, or does not pass reads as a miss.
	 */
	private <T> Optional<T> readEither(String name, Decoder<T> decoder) {
		Optional<T> decoded = this.pack.read(name)
			.flatMap((bytes) -> decode(name, bytes, decoder))
			.or(() -> readFile(this.directory.resolve(name), name).flatMap((bytes) -> decode(name, bytes, decoder)));
		if (decoded.isPresent()) {
			this.pack.used(name);
			this.hits.incrementAndGet();
		}
		return decoded;
	}

	/**
	 * What every kept file starts with: the format, the fingerprint it was made under and
	 * the name it is kept for.
	 */
	private void writeHeader(DataOutputStream out, String name) throws IOException {
		out.writeInt(FORMAT);
		out.writeUTF(this.fingerprint.get());
		out.writeUTF(name);
	}

	/**
	 * Whether a kept file starts as {@link #writeHeader} writes it for this name now.
	 */
	private boolean readsHeader(DataInputStream in, String name) throws IOException {
		return in.readInt() == FORMAT && in.readUTF().equals(this.fingerprint.get()) && in.readUTF().equals(name);
	}

	private static <T> Optional<T> decode(String name, byte[] bytes, Decoder<T> decoder) {
		try {
			return decoder.decode(bytes);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Velocity HMR ignores the unreadable kept " + name, ex);
			return Optional.empty();
		}
	}

	void write(ModuleSource source, ModuleAnalysis analysis) {
		byte[] sourceHash = sha256(source.content());
		// A moment later: an edit's analysis is written after its update went out, not
		// beside it.
		this.writer.schedule(() -> {
			try {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(analysis.code().length() * 3);
				try (DataOutputStream out = new DataOutputStream(bytes)) {
					writeHeader(out, source.path());
					out.write(sourceHash);
					AnalysisCodec.write(analysis, out);
				}
				replace(name(source.path(), ANALYSIS), bytes.toByteArray());
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Velocity HMR could not keep the analysis of " + source.path(), ex);
			}
		}, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Read what was {@link #keep kept} under a name for exactly the given validity key,
	 * by the same compiler: a form derived from a compiled module (its registry form,
	 * say) is kept beside the analyses with the same rules.
	 * @param kind what is kept, a file name suffix such as {@code registry}
	 * @param name the name it was kept under, such as the module's URL
	 * @param validity what it was derived from, such as a hash of that module's code;
	 * anything else reads as a miss
	 * @return the bytes kept, or empty
	 */
	public Optional<byte[]> readKept(String kind, String name, String validity) {
		return readEither(name(name, kind), (bytes) -> {
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
				if (!readsHeader(in, name) || !in.readUTF().equals(validity)) {
					return Optional.empty();
				}
				return Optional.of(in.readAllBytes());
			}
		});
	}

	/**
	 * Read a kept file: none (never kept, or not readable) reads as a miss.
	 */
	private Optional<byte[]> readFile(Path file, String name) {
		try {
			return Optional.of(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			logger.debug("Velocity HMR could not read the kept " + name + " in " + this.directory, ex);
			return Optional.empty();
		}
	}

	/**
	 * Keep bytes under a name for a validity key, on the writer thread, a moment later.
	 * @param kind what is kept, a file name suffix such as {@code registry}
	 * @param name the name to keep it under
	 * @param validity what it was derived from
	 * @param content the bytes
	 * @see #readKept(String, String, String)
	 */
	public void keep(String kind, String name, String validity, byte[] content) {
		keep(kind, name, validity, () -> content);
	}

	/**
	 * Keep bytes under a name for a validity key, made and written on the writer thread a
	 * moment later: a large form (a page's bundle) is encoded off the request that served
	 * it.
	 * @param kind what is kept, a file name suffix such as {@code registry}
	 * @param name the name to keep it under
	 * @param validity what it was derived from
	 * @param contents makes the bytes
	 * @see #readKept(String, String, String)
	 */
	public void keep(String kind, String name, String validity, Supplier<byte[]> contents) {
		Assert.isTrue(kind.matches("[a-z]+") && !kind.equals(ANALYSIS), "'kind' must be a plain suffix");
		this.writer.schedule(() -> {
			try {
				byte[] content = contents.get();
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 256);
				try (DataOutputStream out = new DataOutputStream(bytes)) {
					writeHeader(out, name);
					out.writeUTF(validity);
					out.write(content);
				}
				replace(name(name, kind), bytes.toByteArray());
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Velocity HMR could not keep the " + kind + " of " + name, ex);
			}
		}, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
	}

	private void replace(String name, byte[] bytes) throws IOException {
		Path file = this.directory.resolve(name);
		Files.createDirectories(file.getParent());
		// Written aside and moved, so that a reader never sees half a file.
		Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
		Files.write(partial, bytes);
		AnalysisPack.move(partial, file);
		this.pack.written(name);
		this.lastWriteNanos = System.nanoTime();
		if (this.pack.isStale() && this.packPending.compareAndSet(false, true)) {
			this.writer.schedule(this::writePack, PACK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Write the pack again, once nothing was written for a moment: a first page of many
	 * modules writes its files within a few seconds.
	 */
	private void writePack() {
		long quiet = (System.nanoTime() - this.lastWriteNanos) / 1_000_000;
		if (quiet < PACK_DELAY_MILLIS && this.packPending.get()) {
			this.writer.schedule(this::writePack, PACK_DELAY_MILLIS - quiet, TimeUnit.MILLISECONDS);
			return;
		}
		writePackNow();
	}

	/**
	 * Write the pack now if it is stale, on the writer thread.
	 */
	private void writePackNow() {
		this.packPending.set(false);
		if (this.pack.isStale()) {
			this.pack.write(this.directory);
		}
	}

	/**
	 * Return how many reads found what they looked for (analyses and other kept forms),
	 * for tests and diagnostics.
	 * @return the count since this cache was made
	 */
	public long hits() {
		return this.hits.get();
	}

	/**
	 * Wait until what was handed to the writer so far is written (for tests: a write lost
	 * at shutdown only costs a compile at the next start).
	 */
	public void flush() {
		try {
			// The pack too, for a run that ends now (a benchmark's, a test's).
			this.writer.schedule(this::writePackNow, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS)
				.get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The name of the file a form of a module is kept in, relative to the directory.
	 */
	private static String name(String path, String kind) {
		// Hashed: a module path can be longer than a file name, and this stays flat.
		String name = HexFormat.of().formatHex(sha256(path.getBytes(StandardCharsets.UTF_8)), 0, 16);
		return name.substring(0, 2) + "/" + name + "." + kind;
	}

	static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Decodes what a kept file holds, empty when it does not pass.
	 */
	@FunctionalInterface
	private interface Decoder<T> {

		Optional<T> decode(byte[] bytes) throws IOException;

	}

}

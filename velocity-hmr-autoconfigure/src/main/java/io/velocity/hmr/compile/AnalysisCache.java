package io.velocity.hmr.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.source.ModuleSource;

import org.springframework.util.Assert;

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

	private final Path directory;

	private final String fingerprint;

	private final ScheduledExecutorService writer;

	private final AtomicLong hits = new AtomicLong();

	/**
	 * Create a new instance.
	 * @param directory the directory to keep analyses in, created when first written
	 * @param fingerprint names the compiler and the settings an analysis depends on;
	 * analyses made under another fingerprint are not used
	 */
	public AnalysisCache(Path directory, String fingerprint) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.hasText(fingerprint, "'fingerprint' must not be empty");
		this.directory = directory.toAbsolutePath().normalize();
		this.fingerprint = fingerprint;
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

	/**
	 * Return the directory analyses are kept in.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	Optional<ModuleAnalysis> read(ModuleSource source, String text) {
		Path file = file(source.path(), ANALYSIS);
		byte[] bytes = readFile(file, "analysis").orElse(null);
		if (bytes == null) {
			return Optional.empty();
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != FORMAT || !in.readUTF().equals(this.fingerprint)
					|| !in.readUTF().equals(source.path())) {
				return Optional.empty();
			}
			byte[] sourceHash = in.readNBytes(32);
			if (!Arrays.equals(sourceHash, sha256(source.content()))) {
				return Optional.empty();
			}
			ModuleAnalysis analysis = AnalysisCodec.read(in, text);
			if (!analysis.path().equals(source.path())) {
				return Optional.empty();
			}
			this.hits.incrementAndGet();
			return Optional.of(analysis);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Velocity HMR ignores the unreadable kept analysis " + file, ex);
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
					out.writeInt(FORMAT);
					out.writeUTF(this.fingerprint);
					out.writeUTF(source.path());
					out.write(sourceHash);
					AnalysisCodec.write(analysis, out);
				}
				replace(file(source.path(), ANALYSIS), bytes.toByteArray());
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
		Path file = file(name, kind);
		byte[] bytes = readFile(file, kind).orElse(null);
		if (bytes == null) {
			return Optional.empty();
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != FORMAT || !in.readUTF().equals(this.fingerprint) || !in.readUTF().equals(name)
					|| !in.readUTF().equals(validity)) {
				return Optional.empty();
			}
			byte[] content = in.readAllBytes();
			this.hits.incrementAndGet();
			return Optional.of(content);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Velocity HMR ignores the unreadable kept " + kind + " " + file, ex);
			return Optional.empty();
		}
	}

	/**
	 * Read a kept file: none (never kept, or not readable) reads as a miss.
	 */
	private Optional<byte[]> readFile(Path file, String kind) {
		try {
			return Optional.of(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			logger.debug("Velocity HMR could not read the kept " + kind + " " + file, ex);
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
		Assert.isTrue(kind.matches("[a-z]+") && !kind.equals(ANALYSIS), "'kind' must be a plain suffix");
		this.writer.schedule(() -> {
			try {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 256);
				try (DataOutputStream out = new DataOutputStream(bytes)) {
					out.writeInt(FORMAT);
					out.writeUTF(this.fingerprint);
					out.writeUTF(name);
					out.writeUTF(validity);
					out.write(content);
				}
				replace(file(name, kind), bytes.toByteArray());
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Velocity HMR could not keep the " + kind + " of " + name, ex);
			}
		}, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
	}

	private static void replace(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(file.getParent());
		// Written aside and moved, so that a reader never sees half a file.
		Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
		Files.write(partial, bytes);
		try {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
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
			this.writer.schedule(() -> {
			}, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private Path file(String path, String kind) {
		// Hashed: a module path can be longer than a file name, and this stays flat.
		String name = HexFormat.of().formatHex(sha256(path.getBytes(StandardCharsets.UTF_8)), 0, 16);
		return this.directory.resolve(name.substring(0, 2)).resolve(name + "." + kind);
	}

	static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

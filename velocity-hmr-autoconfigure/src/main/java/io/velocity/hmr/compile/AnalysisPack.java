package io.velocity.hmr.compile;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The files an {@link AnalysisCache} read and wrote in one session, copied into one file,
 * so that a restarted JVM reads that file rather than two per module (its analysis and
 * its registry form): for a page of 10,000 modules, opening and reading 20,000 small
 * files was most of the first page's wait. The files stay what is kept; an entry of the
 * pack is a copy that each reader validates as it would the file (the same fingerprint,
 * source or code hash), and one that does not pass (its module changed since the pack was
 * written) is read from its file instead. The pack is written again, on the cache's
 * writer thread, once many files were written since, not after every edit.
 */
final class AnalysisPack {

	private static final Log logger = LogFactory.getLog(AnalysisPack.class);

	private static final int MAGIC = 0x56504b31;

	/**
	 * How many files must have been written since the pack before it is written again: a
	 * few edits leave it stale for their own modules only, which are read from their
	 * files.
	 */
	static final int REWRITE_AFTER = 100;

	private final Path file;

	/**
	 * The relative names of the files read or written in this session.
	 */
	private final Set<String> used = ConcurrentHashMap.newKeySet();

	private final AtomicInteger writesSincePack = new AtomicInteger();

	private volatile @Nullable Index index;

	AnalysisPack(Path directory) {
		this.file = directory.resolve("pack");
	}

	/**
	 * Return the copy of a file the pack holds.
	 * @param name the file's name relative to the cache's directory
	 * @return its bytes as they were when the pack was written, or empty
	 */
	Optional<byte[]> read(String name) {
		return index().read(name);
	}

	/**
	 * Note that a file was read (and found good) in this session.
	 * @param name the file's name relative to the cache's directory
	 */
	void used(String name) {
		this.used.add(name);
	}

	/**
	 * Note that a file was written in this session.
	 * @param name the file's name relative to the cache's directory
	 */
	void written(String name) {
		this.used.add(name);
		this.writesSincePack.incrementAndGet();
	}

	/**
	 * Whether enough files were written since the pack for it to be written again.
	 * @return whether to call {@link #write}
	 */
	boolean isStale() {
		return this.writesSincePack.get() >= REWRITE_AFTER;
	}

	/**
	 * Write the pack again: a copy of every file used in this session, read now.
	 * @param directory the cache's directory
	 */
	void write(Path directory) {
		int writes = this.writesSincePack.get();
		List<String> names = List.copyOf(this.used);
		try {
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, "pack", ".part");
			try {
				try (DataOutputStream out = new DataOutputStream(
						new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
					out.writeInt(MAGIC);
					out.writeInt(names.size());
					for (String name : names) {
						writeEntry(out, name, directory.resolve(name));
					}
				}
				move(partial, this.file);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			this.writesSincePack.addAndGet(-writes);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Velocity HMR could not write the kept analyses' pack " + this.file, ex);
		}
	}

	private static void writeEntry(DataOutputStream out, String name, Path file) throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			bytes = new byte[0];
		}
		out.writeUTF(name);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	/**
	 * Move a file written aside into place, atomically where the file system can, so that
	 * a reader never sees half a file.
	 * @param partial the file written aside
	 * @param file where it goes
	 * @throws IOException if it cannot be moved
	 */
	static void move(Path partial, Path file) throws IOException {
		try {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private Index index() {
		Index index = this.index;
		if (index == null) {
			synchronized (this) {
				index = this.index;
				if (index == null) {
					index = Index.open(this.file);
					this.index = index;
				}
			}
		}
		return index;
	}

	/**
	 * Where each entry of a pack file is, the file mapped rather than read into the heap.
	 */
	private static final class Index {

		private static final Index EMPTY = new Index(null, Map.of());

		private final @Nullable ByteBuffer buffer;

		private final Map<String, Long> entries;

		private Index(@Nullable ByteBuffer buffer, Map<String, Long> entries) {
			this.buffer = buffer;
			this.entries = entries;
		}

		static Index open(Path file) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				if (channel.size() > Integer.MAX_VALUE) {
					return EMPTY;
				}
				MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
				if (buffer.remaining() < 8 || buffer.getInt() != MAGIC) {
					return EMPTY;
				}
				int count = buffer.getInt();
				Map<String, Long> entries = new HashMap<>(Math.max(16, count * 2));
				for (int i = 0; i < count; i++) {
					String name = readName(buffer);
					int length = buffer.getInt();
					entries.put(name, ((long) buffer.position() << 32) | length);
					buffer.position(buffer.position() + length);
				}
				return new Index(buffer, entries);
			}
			catch (NoSuchFileException ex) {
				return EMPTY;
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Velocity HMR ignores the unreadable kept analyses' pack " + file, ex);
				return EMPTY;
			}
		}

		private static String readName(ByteBuffer buffer) {
			// Names are hex digits, a slash and a suffix: one byte a character.
			byte[] name = new byte[buffer.getShort() & 0xffff];
			buffer.get(name);
			return new String(name, StandardCharsets.UTF_8);
		}

		Optional<byte[]> read(String name) {
			Long entry = this.entries.get(name);
			if (entry == null || this.buffer == null) {
				return Optional.empty();
			}
			int length = (int) (entry & 0xffffffffL);
			if (length == 0) {
				return Optional.empty();
			}
			byte[] bytes = new byte[length];
			this.buffer.get((int) (entry >>> 32), bytes);
			return Optional.of(bytes);
		}

	}

}

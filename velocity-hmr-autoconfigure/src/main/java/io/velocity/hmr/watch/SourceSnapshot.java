package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.methvin.watcher.hashing.FileHash;
import io.methvin.watcher.hashing.FileHasher;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.watch.FileChange.Kind;

/**
 * Content hashes of the source files as last delivered. Every candidate change is checked
 * against the disk before it is delivered, so that a save with identical content, a
 * truncate seen before the write that follows it, or an atomic save that restores the
 * same bytes produce no change, and so that a full rescan after an event overflow reports
 * exactly what differs. Used from one thread at a time.
 *
 * @author Velocity HMR
 */
final class SourceSnapshot {

	private final List<Path> roots;

	private final IgnoringFileTreeVisitor visitor;

	private final FileHasher hasher = FileHasher.DEFAULT_FILE_HASHER;

	private final ScannedHashes scannedHashes;

	private Map<Path, FileHash> hashes = new HashMap<>();

	SourceSnapshot(List<Path> roots, IgnoringFileTreeVisitor visitor) {
		this(roots, visitor, new ScannedHashes());
	}

	/**
	 * Create a snapshot that hands the hashes of its registration scans to the directory
	 * watcher's registration that follows.
	 * @param roots the source roots
	 * @param visitor walks them
	 * @param scannedHashes where to remember the scans' hashes
	 */
	SourceSnapshot(List<Path> roots, IgnoringFileTreeVisitor visitor, ScannedHashes scannedHashes) {
		this.roots = roots;
		this.visitor = visitor;
		this.scannedHashes = scannedHashes;
	}

	/**
	 * Record the current state of all files under the roots, without reporting changes.
	 */
	void reset() {
		this.hashes = scan(this.scannedHashes);
	}

	/**
	 * Record the current state of the files under the roots, leaving out those modified
	 * at or after the given time: they changed while the watch was being set up, and are
	 * reported as created once it is ({@link #modifiedSince(long)}).
	 * @param millis the time the watch was asked for
	 */
	void resetBefore(long millis) {
		Map<Path, FileHash> scanned = scan(this.scannedHashes);
		scanned.keySet().removeIf((file) -> isModifiedSince(file, millis));
		this.hashes = scanned;
	}

	/**
	 * Return the files under the roots modified at or after the given time.
	 * @param millis the time
	 * @return the files
	 */
	List<Path> modifiedSince(long millis) {
		List<Path> modified = new ArrayList<>();
		for (Path root : this.roots) {
			if (Files.isDirectory(root)) {
				try {
					this.visitor.recursiveVisitFiles(root, (dir) -> {
					}, (file) -> {
						if (isModifiedSince(file, millis)) {
							modified.add(file);
						}
					});
				}
				catch (IOException ex) {
					// Root vanished during the walk: it is reported when it reappears.
				}
			}
		}
		return modified;
	}

	private static boolean isModifiedSince(Path file, long millis) {
		try {
			return Files.getLastModifiedTime(file).toMillis() >= millis;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Check the given candidate changes against the disk and return those that are real,
	 * in the same order, with the kind the disk shows.
	 * @param candidates the folded raw changes
	 * @return the confirmed changes
	 */
	List<FileChange> confirm(List<FileChange> candidates) {
		List<FileChange> changes = new ArrayList<>(candidates.size());
		for (FileChange candidate : candidates) {
			addIfPresent(changes, confirm(candidate.file(), candidate.kind()));
		}
		return changes;
	}

	/**
	 * Compare every file under the roots with the snapshot, as after an event overflow,
	 * and return what changed. The candidates come first, in their order.
	 * @param candidates the folded raw changes seen before the rescan
	 * @return the changes
	 */
	List<FileChange> rescan(List<FileChange> candidates) {
		Map<Path, FileHash> current = scan(null);
		Map<Path, Kind> paths = new LinkedHashMap<>();
		candidates.forEach((candidate) -> paths.put(candidate.file(), candidate.kind()));
		this.hashes.keySet().forEach((file) -> paths.putIfAbsent(file, Kind.DELETED));
		current.keySet().forEach((file) -> paths.putIfAbsent(file, Kind.CREATED));
		List<FileChange> changes = new ArrayList<>();
		paths.forEach((file, hint) -> addIfPresent(changes,
				current.containsKey(file) ? confirm(file, current.get(file)) : confirm(file, hint)));
		return changes;
	}

	/**
	 * Return whether the given file was delivered before and is empty now, as happens
	 * between the truncate and the write of a save.
	 * @param file the file
	 * @return whether the file looks truncated
	 */
	boolean isTruncated(Path file) {
		try {
			return this.hashes.containsKey(file) && Files.isRegularFile(file) && Files.size(file) == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private @Nullable FileChange confirm(Path file, Kind hint) {
		try {
			return confirm(file, hashOf(file));
		}
		catch (IOException ex) {
			// Exists but cannot be read (locked on Windows): trust the event.
			this.hashes.remove(file);
			return new FileChange(file, hint);
		}
	}

	private @Nullable FileChange confirm(Path file, @Nullable FileHash current) {
		if (current == null) {
			return (this.hashes.remove(file) != null) ? new FileChange(file, Kind.DELETED) : null;
		}
		FileHash previous = this.hashes.put(file, current);
		if (previous == null) {
			return new FileChange(file, Kind.CREATED);
		}
		return previous.equals(current) ? null : new FileChange(file, Kind.MODIFIED);
	}

	private @Nullable FileHash hashOf(Path file) throws IOException {
		return hashOf(file, null);
	}

	private @Nullable FileHash hashOf(Path file, @Nullable ScannedHashes remember) throws IOException {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return (remember != null) ? remember.scan(file) : this.hasher.hash(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	private static void addIfPresent(List<FileChange> changes, @Nullable FileChange change) {
		if (change != null) {
			changes.add(change);
		}
	}

	/**
	 * Hash every file under the roots, remembering the hashes for the directory watcher's
	 * registration that follows if given somewhere to.
	 */
	private Map<Path, FileHash> scan(@Nullable ScannedHashes remember) {
		Map<Path, FileHash> scanned = new HashMap<>();
		for (Path root : this.roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try {
				this.visitor.recursiveVisitFiles(root, (dir) -> {
				}, (file) -> {
					try {
						FileHash hash = hashOf(file, remember);
						if (hash != null) {
							scanned.put(file, hash);
						}
					}
					catch (IOException ex) {
						// Unreadable now: reported once readable.
					}
				});
			}
			catch (IOException ex) {
				// Root vanished during the walk: it is reported when it reappears.
			}
		}
		return scanned;
	}

}

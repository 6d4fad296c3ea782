package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.methvin.watcher.hashing.FileHash;
import io.methvin.watcher.hashing.FileHasher;

/**
 * The content hashes that the snapshot's scan has just made, handed to the directory
 * watcher's own walk when it registers the roots, which would otherwise read and hash
 * every file a second time (10,000 files read twice, right after start-up, while the
 * first page is being served). A file's hash is handed over only once, and only while its
 * size and modification time are still those the scan saw before it read the file; any
 * other file, and every file after the registration, is hashed from the disk.
 */
final class ScannedHashes implements FileHasher {

	private final Map<Path, Scanned> scanned = new ConcurrentHashMap<>();

	/**
	 * Hash a file as the scan does, and remember the hash with the file's size and
	 * modification time as read before the hash.
	 * @param file the file
	 * @return the hash
	 * @throws IOException if the file cannot be read
	 */
	FileHash scan(Path file) throws IOException {
		BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
		FileHash hash = DEFAULT_FILE_HASHER.hash(file);
		if (hash != null) {
			this.scanned.put(file, new Scanned(hash, before.lastModifiedTime(), before.size()));
		}
		return hash;
	}

	@Override
	public FileHash hash(Path file) throws IOException {
		Scanned scanned = this.scanned.remove(file);
		if (scanned != null) {
			BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
			if (now.lastModifiedTime().equals(scanned.modified()) && now.size() == scanned.size()) {
				return scanned.hash();
			}
		}
		return DEFAULT_FILE_HASHER.hash(file);
	}

	/**
	 * Forget the hashes not handed over: the registration is done.
	 */
	void clear() {
		this.scanned.clear();
	}

	private record Scanned(FileHash hash, FileTime modified, long size) {
	}

}

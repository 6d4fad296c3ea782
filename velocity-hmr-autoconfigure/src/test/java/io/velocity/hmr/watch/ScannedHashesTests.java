package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import io.methvin.watcher.hashing.FileHash;
import io.methvin.watcher.hashing.FileHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScannedHashes}: the directory watcher's registration takes the hashes
 * the scan has just made instead of reading every file again, but never one of a file
 * changed since.
 */
class ScannedHashesTests {

	@TempDir
	Path root;

	@Test
	void handsOverTheHashOfAFileUnchangedSinceTheScanOnce() throws IOException {
		Path file = write("a.ts", "export const a = 1;\n");
		ScannedHashes hashes = new ScannedHashes();
		FileHash scanned = hashes.scan(file);
		// Same size and modification time: taken for unchanged, so not read again,
		// which this content (only a test could write so) shows.
		rewriteAsIfUnchanged(file, "export const a = 2;\n");

		assertThat(hashes.hash(file)).isEqualTo(scanned);
		assertThat(hashes.hash(file)).as("handed over once, then read")
			.isEqualTo(FileHasher.DEFAULT_FILE_HASHER.hash(file))
			.isNotEqualTo(scanned);
	}

	@Test
	void hashesAFileChangedSinceTheScanFromTheDisk() throws IOException {
		Path file = write("a.ts", "export const a = 1;\n");
		ScannedHashes hashes = new ScannedHashes();
		FileHash scanned = hashes.scan(file);
		write("a.ts", "export const a = 'changed';\n");

		assertThat(hashes.hash(file)).isEqualTo(FileHasher.DEFAULT_FILE_HASHER.hash(file)).isNotEqualTo(scanned);
	}

	@Test
	void hashesEveryFileFromTheDiskOnceCleared() throws IOException {
		Path file = write("a.ts", "export const a = 1;\n");
		ScannedHashes hashes = new ScannedHashes();
		FileHash scanned = hashes.scan(file);
		rewriteAsIfUnchanged(file, "export const a = 2;\n");
		hashes.clear();

		assertThat(hashes.hash(file)).isNotEqualTo(scanned);
	}

	/**
	 * Write other content of the same size under the same modification time: to the
	 * scan's checks the file is unchanged.
	 */
	private static void rewriteAsIfUnchanged(Path file, String content) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, modified);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.root.resolve(name), content, StandardCharsets.UTF_8);
	}

}

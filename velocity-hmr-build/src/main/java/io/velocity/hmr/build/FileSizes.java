package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.velocity.hmr.production.BuildManifest;

/**
 * Lists the files a build wrote for the manifest, with the variants
 * {@link Precompression} added, and adds up the sizes of its scripts and style sheets.
 */
final class FileSizes {

	private long bytes;

	private long gzipBytes;

	private long brotliBytes;

	Map<String, BuildManifest.File> compress(Path files, boolean compress) throws IOException {
		Precompression precompression = compress ? new Precompression() : null;
		Map<String, BuildManifest.File> written = new TreeMap<>();
		List<Path> all;
		try (Stream<Path> walk = Files.walk(files)) {
			all = walk.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path file : all) {
			String url = BuildManifest.URL_PREFIX + files.relativize(file).toString().replace('\\', '/');
			List<String> encodings = (precompression != null) ? precompression.compress(file) : List.of();
			written.put(url, new BuildManifest.File(encodings));
			if (url.endsWith(".js") || url.endsWith(".css")) {
				this.bytes += Files.size(file);
				this.gzipBytes += size(file, ".gz", encodings.contains("gzip"));
				this.brotliBytes += size(file, ".br", encodings.contains("br"));
			}
		}
		return written;
	}

	private static long size(Path file, String suffix, boolean written) throws IOException {
		// Sent as it is when no variant is smaller.
		return written ? Files.size(file.resolveSibling(file.getFileName() + suffix)) : Files.size(file);
	}

	long bytes() {
		return this.bytes;
	}

	long gzipBytes() {
		return this.gzipBytes;
	}

	long brotliBytes() {
		return this.brotliBytes;
	}

}

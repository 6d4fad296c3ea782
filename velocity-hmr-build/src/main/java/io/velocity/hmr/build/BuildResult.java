package io.velocity.hmr.build;

import java.nio.file.Path;

import io.velocity.hmr.production.BuildManifest;

/**
 * What a build wrote, for the log.
 *
 * @param manifest the manifest
 * @param manifestFile where it was written
 * @param bytes the size of the scripts and style sheets
 * @param gzipBytes their size gzipped, or 0 when not compressed
 * @param brotliBytes their size with brotli, or 0 when not written
 * @param millis how long the build took
 */
public record BuildResult(BuildManifest manifest, Path manifestFile, long bytes, long gzipBytes, long brotliBytes,
		long millis) {

	/**
	 * Return the build in one line.
	 * @return the summary
	 */
	public String summary() {
		return "Built " + this.manifest.entries().size() + " entries into " + this.manifest.files().size()
				+ " files in " + this.millis + " ms: scripts and style sheets " + kib(this.bytes) + " (gzip "
				+ kib(this.gzipBytes) + ", brotli " + kib(this.brotliBytes) + ")";
	}

	private static String kib(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
	}

}

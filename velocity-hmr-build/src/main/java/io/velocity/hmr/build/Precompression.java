package io.velocity.hmr.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes a {@code .br} and a {@code .gz} file next to each text file the build wrote, at
 * the best ratio each format has: compressing once at build time costs nothing at run
 * time, where the server only picks the variant a browser accepts. A variant is kept only
 * when smaller than the file. Brotli comes from brotli4j's native library for the build
 * machine; where it has none, only gzip is written, with a warning.
 */
final class Precompression {

	private static final Log logger = LogFactory.getLog(Precompression.class);

	private static final Set<String> TEXT = Set.of("js", "mjs", "css", "map", "json", "svg", "html", "txt", "xml");

	private final boolean brotli;

	Precompression() {
		this.brotli = brotliAvailable();
	}

	/**
	 * Compress a file.
	 * @param file the file
	 * @return the encodings written next to it, best first
	 * @throws IOException if it cannot be read or written
	 */
	List<String> compress(Path file) throws IOException {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		if (!TEXT.contains(extension)) {
			return List.of();
		}
		byte[] content = Files.readAllBytes(file);
		List<String> encodings = new ArrayList<>(2);
		if (this.brotli) {
			byte[] compressed = Encoder.compress(content, new Encoder.Parameters().setQuality(11));
			if (keep(file, ".br", content, compressed)) {
				encodings.add("br");
			}
		}
		if (keep(file, ".gz", content, gzip(content))) {
			encodings.add("gzip");
		}
		return encodings;
	}

	private static boolean keep(Path file, String suffix, byte[] content, byte[] compressed) throws IOException {
		if (compressed.length >= content.length) {
			return false;
		}
		Files.write(file.resolveSibling(file.getFileName() + suffix), compressed);
		return true;
	}

	static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 3 + 64);
		try (OutputStream gzip = new BestGzip(bytes)) {
			gzip.write(content);
		}
		return bytes.toByteArray();
	}

	private static boolean brotliAvailable() {
		try {
			Brotli4jLoader.ensureAvailability();
			return true;
		}
		catch (Throwable ex) {
			logger.warn("Velocity writes no brotli (.br) files: brotli4j has no native library for "
					+ BuildPlatform.describe() + " (" + ex + "); browsers get gzip");
			return false;
		}
	}

	private static final class BestGzip extends GZIPOutputStream {

		BestGzip(OutputStream output) throws IOException {
			super(output);
			this.def.setLevel(Deflater.BEST_COMPRESSION);
		}

	}

}

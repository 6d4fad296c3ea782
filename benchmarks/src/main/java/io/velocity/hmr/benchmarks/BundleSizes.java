package io.velocity.hmr.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * The scripts and style sheets of a build's output, measured the same way for every tool:
 * raw, gzip at level 9 and brotli at quality 11, each file on its own as a server would
 * send it.
 */
final class BundleSizes {

	private BundleSizes() {
	}

	/**
	 * Measure the {@code .js} and {@code .css} files under a directory (not the
	 * precompressed variants nor source maps).
	 * @param directory the output directory
	 * @return {@code files}, {@code rawKiB}, {@code gzipKiB} and {@code brotliKiB}
	 */
	static Map<String, Double> of(Path directory) {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(directory)) {
			files = walk.filter(Files::isRegularFile).filter((file) -> {
				String name = file.getFileName().toString();
				return name.endsWith(".js") || name.endsWith(".css");
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Brotli4jLoader.ensureAvailability();
		long raw = 0;
		long gzip = 0;
		long brotli = 0;
		for (Path file : files) {
			try {
				byte[] content = Files.readAllBytes(file);
				raw += content.length;
				gzip += gzip(content).length;
				brotli += Encoder.compress(content, new Encoder.Parameters().setQuality(11)).length;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		Map<String, Double> sizes = new LinkedHashMap<>();
		sizes.put("files", (double) files.size());
		sizes.put("rawKiB", Stats.round(raw / 1024.0));
		sizes.put("gzipKiB", Stats.round(gzip / 1024.0));
		sizes.put("brotliKiB", Stats.round(brotli / 1024.0));
		return sizes;
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			out.write(content);
		}
		return bytes.toByteArray();
	}

}

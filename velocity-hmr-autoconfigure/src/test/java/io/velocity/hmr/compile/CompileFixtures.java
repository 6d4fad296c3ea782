package io.velocity.hmr.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;

import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Access to the fixture source tree and helpers shared by the compile tests.
 */
final class CompileFixtures {

	static final ModuleUrls URLS = new ModuleUrls("/frontend");

	private static final String MAP_PREFIX = "//# sourceMappingURL=data:application/json;charset=utf-8;base64,";

	private CompileFixtures() {
	}

	static Path directory() {
		try {
			return Path.of(CompileFixtures.class.getResource("fixtures").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ModuleSources sources() {
		return new FileSystemModuleSources(List.of(directory()));
	}

	static ModuleSource source(String path) {
		return sources().find(path).orElseThrow();
	}

	static String text(String path) {
		return new String(source(path).content(), StandardCharsets.UTF_8);
	}

	/**
	 * Copy the fixtures to a directory that a test may change.
	 * @param target an empty directory
	 */
	static void copyTo(Path target) {
		Path from = directory();
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path to = target.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Decode the inline source map of compiled code.
	 * @param code the code
	 * @return the JSON of the map
	 */
	static String sourceMapJson(String code) {
		int start = code.lastIndexOf(MAP_PREFIX);
		if (start < 0) {
			throw new AssertionError("No inline source map in:\n" + code);
		}
		String base64 = code.substring(start + MAP_PREFIX.length()).strip();
		return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
	}

	static List<String> sourceMapArray(String code, String key) {
		return JsonPath.read(sourceMapJson(code), "$." + key);
	}

	/**
	 * Find the original position of a generated one through the inline source map.
	 * @param code the compiled code
	 * @param line the 0-based generated line
	 * @param column the 0-based generated column
	 * @return the 0-based original line and column of the closest mapping at or before
	 * the position on its line
	 */
	static int[] originalPosition(String code, int line, int column) {
		String mappings = JsonPath.read(sourceMapJson(code), "$.mappings");
		String[] lines = mappings.split(";", -1);
		int[] state = new int[4];
		int[] found = null;
		for (int i = 0; i <= line; i++) {
			state[0] = 0;
			if (lines[i].isEmpty()) {
				continue;
			}
			for (String segment : lines[i].split(",")) {
				List<Integer> fields = SourceMapMappings.decode(segment);
				for (int field = 0; field < Math.min(4, fields.size()); field++) {
					state[field] += fields.get(field);
				}
				if (i == line && state[0] <= column && fields.size() >= 4) {
					found = new int[] { state[2], state[3] };
				}
			}
		}
		if (found == null) {
			throw new AssertionError("No mapping at " + line + ":" + column);
		}
		return found;
	}

	/**
	 * Return the index of the first line that contains a text, failing if none does.
	 */
	static int indexOfLineContaining(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("No line contains " + text);
	}

}

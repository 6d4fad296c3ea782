package io.velocity.hmr.compile;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

import com.caoccao.javet.swc4j.Swc4j;

/**
 * Names the code that made an analysis, for {@link AnalysisCache}: the jar (or class
 * directory, with its sibling packages) of Velocity's compiler and of swc4j, each by
 * location, size and time, with the compile mode and the settings an analysis depends on.
 * A new build of either, or other settings, make every kept analysis a miss.
 */
final class CompilerFingerprint {

	private CompilerFingerprint() {
	}

	static String of(CompileMode mode, int maxNestingDepth) {
		// Swc4j.class is only named, not initialized: that would load the library.
		return "mode=" + mode + ";depth=" + maxNestingDepth + ";velocity=" + code(ModuleCompiler.class) + ";swc4j="
				+ code(Swc4j.class);
	}

	private static String code(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		URL location = (source != null) ? source.getLocation() : null;
		if (location == null) {
			return "unknown";
		}
		try {
			Path path = Path.of(location.toURI());
			if (Files.isDirectory(path)) {
				// The package's parent: Velocity's other packages (the registry form of
				// a bundled page, say) are kept beside its analyses too.
				return path + "@" + newest(path.resolve(type.getPackageName().replace('.', '/')).getParent());
			}
			return path + "@" + Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis();
		}
		catch (URISyntaxException | IOException | RuntimeException ex) {
			// Inside a nested jar, for example: the location alone, with this JVM's start
			// so that nothing is reused across builds that cannot be told apart.
			return location + "@" + ProcessHandle.current().info().startInstant().map(Object::toString).orElse("");
		}
	}

	private static long newest(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.mapToLong((file) -> file.toFile().lastModified()).max().orElse(0);
		}
	}

}

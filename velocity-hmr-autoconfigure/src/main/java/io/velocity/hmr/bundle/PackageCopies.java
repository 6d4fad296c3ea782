package io.velocity.hmr.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.velocity.hmr.resolve.NpmPackage;
import io.velocity.hmr.source.ModulePaths;

/**
 * Copies the files a bundler reads (scripts and {@code package.json} files) of a package
 * in a jar to a directory, once: a marker file written last tells a complete copy, so a
 * copy cut short by a stop is made again.
 */
final class PackageCopies {

	private static final Set<String> COPIED = Set.of("js", "mjs", "cjs", "json", "css");

	private static final String COMPLETE = ".velocity-complete";

	private PackageCopies() {
	}

	static Path copy(NpmPackage pkg, Path directory) throws IOException {
		if (Files.isRegularFile(directory.resolve(COMPLETE))) {
			return directory;
		}
		Set<Path> created = new HashSet<>();
		for (String path : pkg.files().list()) {
			if (!COPIED.contains(ModulePaths.extension(path)) || ModulePaths.safe(path).isEmpty()) {
				continue;
			}
			Optional<byte[]> content = pkg.files().read(path);
			if (content.isPresent()) {
				Path target = directory.resolve(path);
				if (created.add(target.getParent())) {
					Files.createDirectories(target.getParent());
				}
				Files.write(target, content.get());
			}
		}
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(COMPLETE), pkg.id());
		return directory;
	}

}

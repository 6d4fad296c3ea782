package io.velocity.hmr.resolve;

import java.util.Optional;

import io.velocity.hmr.source.ModulePaths;

/**
 * Paths inside a package: relative, '/'-separated, with no empty, '.' or '..' segments,
 * so that joined to the package's root they never leave it.
 */
final class PackagePaths {

	private PackagePaths() {
	}

	/**
	 * Return the path if it is safe.
	 * @param path a relative path
	 * @return the path, or empty when it could leave the package
	 */
	static Optional<String> safe(String path) {
		if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
				|| path.indexOf(':') >= 0) {
			return Optional.empty();
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				return Optional.empty();
			}
		}
		return Optional.of(path);
	}

	/**
	 * Join a relative reference ({@code ./x.js}, {@code ../lib}) to the directory of a
	 * file.
	 * @param file a file's path in the package, such as {@code dist/index.js}
	 * @param relative the reference
	 * @return the normalized path, or empty when it leaves the package
	 */
	static Optional<String> join(String file, String relative) {
		return ModulePaths.resolveSibling(file, relative).flatMap(PackagePaths::safeOrRoot);
	}

	/**
	 * Normalize a target written in {@code package.json} ({@code ./dist/index.js}).
	 * @param target the target
	 * @return the normalized path, or empty when it leaves the package
	 */
	static Optional<String> target(String target) {
		return ModulePaths.normalize(target).flatMap(PackagePaths::safeOrRoot);
	}

	private static Optional<String> safeOrRoot(String path) {
		return path.isEmpty() ? Optional.of("") : safe(path);
	}

}

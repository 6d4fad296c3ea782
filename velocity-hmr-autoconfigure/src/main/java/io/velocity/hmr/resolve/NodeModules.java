package io.velocity.hmr.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds a package the way Node does: in {@code node_modules/<name>} of the importing
 * file's directory, then of each parent directory up to the file system's root. A
 * package's directory is read once; packages are never watched.
 */
final class NodeModules {

	private final ConcurrentMap<Path, NpmPackage> packages = new ConcurrentHashMap<>();

	/**
	 * Find a package.
	 * @param name the package name
	 * @param directory the directory of the importing file
	 * @param searched the {@code node_modules} directories looked in, added to
	 * @return the package, or empty when no {@code node_modules} has it
	 */
	Optional<NpmPackage> find(String name, Path directory, List<Path> searched) {
		for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
				continue;
			}
			Path nodeModules = dir.resolve("node_modules");
			searched.add(nodeModules);
			Path packageDirectory = nodeModules.resolve(name);
			if (Files.isRegularFile(packageDirectory.resolve("package.json"))) {
				return Optional.of(read(packageDirectory));
			}
		}
		return Optional.empty();
	}

	/**
	 * Describe the directories looked in.
	 * @param searched the directories
	 * @return the description
	 */
	static String describe(List<Path> searched) {
		List<String> names = new ArrayList<>(searched.size());
		searched.forEach((path) -> names.add(path.toString()));
		return String.join(", ", names);
	}

	private NpmPackage read(Path directory) {
		try {
			Path real = directory.toRealPath();
			return this.packages.computeIfAbsent(real, NodeModules::load);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the package at " + directory, ex);
		}
	}

	private static NpmPackage load(Path directory) {
		DirectoryPackageFiles files = new DirectoryPackageFiles(directory);
		byte[] content = files.read("package.json").orElseThrow();
		PackageManifest manifest = PackageManifest.parse(content, directory.resolve("package.json").toString());
		String name = (manifest.name() != null) ? manifest.name() : directory.getFileName().toString();
		String version = (manifest.version() != null) ? manifest.version() : "0.0.0";
		return new NpmPackage(name, version, PackageOrigin.NODE_MODULES, files, manifest);
	}

}

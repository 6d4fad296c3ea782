package io.velocity.hmr.resolve;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Picks the file of a package that a subpath names: through {@code exports} when the
 * package has them (conditions {@code browser}, {@code import}, {@code module},
 * {@code default}), else the {@code module} field, then {@code main}, then
 * {@code index.js} for the main entry, and the path itself for a subpath. A path without
 * an extension is tried as a file with {@link #EXTENSIONS}, then as a directory (its
 * {@code package.json} {@code module} or {@code main}, or its index), as Node does.
 */
final class PackageEntries {

	/**
	 * Extensions tried for a path without one.
	 */
	static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".json");

	private PackageEntries() {
	}

	static PackageFile resolve(NpmPackage pkg, String subpath) throws PackageResolutionException {
		PackageManifest manifest = pkg.manifest();
		Optional<JsonNode> exports = manifest.subpathExports();
		if (exports.isPresent()) {
			String target = PackageExports.resolve(exports.get(), subpath, PackageExports.BROWSER_CONDITIONS)
				.orElseThrow(() -> new PackageResolutionException(notExported(pkg, subpath, exports.get())));
			if (!pkg.files().isFile(target)) {
				throw new PackageResolutionException("package " + pkg.describe() + " exports '" + subpath + "' as ./"
						+ target + ", which is not in the package");
			}
			return new PackageFile(pkg, target);
		}
		if (subpath.equals(".")) {
			for (String entry : new String[] { manifest.moduleEntry(), manifest.main(), "index" }) {
				if (entry != null) {
					Optional<String> found = PackagePaths.target(entry).flatMap((path) -> find(pkg, path));
					if (found.isPresent()) {
						return new PackageFile(pkg, found.get());
					}
				}
			}
			throw new PackageResolutionException("package " + pkg.describe()
					+ " has no main module (no exports, module or main in its package.json, and no index.js)");
		}
		String path = PackagePaths.target(subpath).orElse("");
		return find(pkg, path).map((found) -> new PackageFile(pkg, found))
			.orElseThrow(() -> new PackageResolutionException(
					"package " + pkg.describe() + " has no file '" + subpath + "' (tried " + path + ", " + path
							+ String.join(", " + path, EXTENSIONS) + " and " + path + "/index.js)"));
	}

	static PackageFile relative(PackageFile importer, String specifier) throws PackageResolutionException {
		NpmPackage pkg = importer.pkg();
		String path = PackagePaths.join(importer.path(), stripQuery(specifier))
			.orElseThrow(() -> new PackageResolutionException(
					"'" + specifier + "' in " + importer + " points outside package " + pkg.id()));
		return find(pkg, path).map((found) -> new PackageFile(pkg, found))
			.orElseThrow(() -> new PackageResolutionException(
					"'" + specifier + "' in " + importer + " names no file of package " + pkg.describe()));
	}

	static PackageFile imported(PackageFile importer, String specifier) throws PackageResolutionException {
		NpmPackage pkg = importer.pkg();
		JsonNode imports = pkg.manifest().imports();
		Optional<String> target = (imports != null && imports.isObject())
				? PackageExports.resolve(imports, specifier, PackageExports.BROWSER_CONDITIONS) : Optional.empty();
		if (target.isEmpty() || !pkg.files().isFile(target.get())) {
			throw new PackageResolutionException("'" + specifier + "' in " + importer
					+ " is not a file in the imports of package " + pkg.describe());
		}
		return new PackageFile(pkg, target.get());
	}

	private static Optional<String> find(NpmPackage pkg, String path) {
		PackageFiles files = pkg.files();
		if (!path.isEmpty() && files.isFile(path)) {
			return Optional.of(path);
		}
		String prefix = path.isEmpty() ? "" : path + "/";
		if (!path.isEmpty()) {
			for (String extension : EXTENSIONS) {
				if (files.isFile(path + extension)) {
					return Optional.of(path + extension);
				}
			}
			Optional<String> directoryEntry = directoryEntry(pkg, prefix);
			if (directoryEntry.isPresent()) {
				return directoryEntry;
			}
		}
		for (String extension : EXTENSIONS) {
			if (files.isFile(prefix + "index" + extension)) {
				return Optional.of(prefix + "index" + extension);
			}
		}
		return Optional.empty();
	}

	// A directory with a package.json of its own (as date-fns' locales have).
	private static Optional<String> directoryEntry(NpmPackage pkg, String prefix) {
		Optional<byte[]> content = pkg.files().read(prefix + "package.json");
		if (content.isEmpty()) {
			return Optional.empty();
		}
		try {
			PackageManifest nested = PackageManifest.parse(content.get(), prefix + "package.json");
			for (String entry : new String[] { nested.moduleEntry(), nested.main() }) {
				if (entry != null) {
					Optional<String> path = PackagePaths.target(prefix + entry)
						.filter((target) -> !target.isEmpty() && pkg.files().isFile(target));
					if (path.isPresent()) {
						return path;
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// As Node, fall back to the directory's index.
		}
		return Optional.empty();
	}

	private static String notExported(NpmPackage pkg, String subpath, JsonNode exports) {
		String listed = exports.propertyNames().stream().limit(12).collect(Collectors.joining(", "));
		int count = exports.propertyNames().size();
		return "package " + pkg.describe() + " does not export '" + subpath + "' for the browser (its exports: "
				+ listed + ((count > 12) ? ", … " + (count - 12) + " more" : "") + ")";
	}

	private static String stripQuery(String specifier) {
		int query = specifier.indexOf('?');
		return (query < 0) ? specifier : specifier.substring(0, query);
	}

}

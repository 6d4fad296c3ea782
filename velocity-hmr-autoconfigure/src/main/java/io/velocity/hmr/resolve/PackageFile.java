package io.velocity.hmr.resolve;

import io.velocity.hmr.source.ModulePaths;

/**
 * One file of a package, as a specifier resolved to it.
 *
 * @param pkg the package
 * @param path the file's path in the package, such as {@code dist/index.js}
 */
public record PackageFile(NpmPackage pkg, String path) {

	/**
	 * The file name extension, lower case, without the dot.
	 * @return the extension or an empty string
	 */
	public String extension() {
		return ModulePaths.extension(this.path);
	}

	@Override
	public String toString() {
		return this.pkg.id() + "/" + this.path;
	}

}

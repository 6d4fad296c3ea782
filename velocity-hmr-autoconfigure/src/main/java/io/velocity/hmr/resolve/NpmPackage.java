package io.velocity.hmr.resolve;

/**
 * A package that was found: its name, version, where it came from, its files and its
 * manifest.
 *
 * @param name the name, such as {@code lit} or {@code @lit/reactive-element}
 * @param version the version, such as {@code 3.3.1}
 * @param origin where it was found
 * @param files its files
 * @param manifest its {@code package.json}
 */
public record NpmPackage(String name, String version, PackageOrigin origin, PackageFiles files,
		PackageManifest manifest) {

	/**
	 * The package's id, unique among the packages served: {@code name@version}.
	 * @return the id
	 */
	public String id() {
		return this.name + "@" + this.version;
	}

	/**
	 * Describe the package for messages: {@code lit@3.3.1 (mvnpm jar jar:file:…!/…)}.
	 * @return the description
	 */
	public String describe() {
		return id() + " (" + this.origin.description() + " " + this.files.location() + ")";
	}

}

package io.velocity.hmr.resolve;

/**
 * Where a package was found, in the order packages are looked up.
 */
public enum PackageOrigin {

	/**
	 * An mvnpm jar ({@code org.mvnpm:*}): files under
	 * {@code META-INF/resources/_static/<name>/<version>/}, named by
	 * {@code META-INF/importmap.json}.
	 */
	MVNPM("mvnpm jar"),

	/**
	 * A WebJar ({@code org.webjars.npm:*}): files under
	 * {@code META-INF/resources/webjars/<name>/<version>/}.
	 */
	WEBJAR("WebJar"),

	/**
	 * A {@code node_modules} directory on disk.
	 */
	NODE_MODULES("node_modules");

	private final String description;

	PackageOrigin(String description) {
		this.description = description;
	}

	/**
	 * How the origin is named in messages.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}

package io.velocity.hmr.benchmarks;

/**
 * How the app under measurement serves a page's modules in development: every start names
 * one, so that no figure depends on the starter's default.
 */
enum PageMode {

	/**
	 * A page's entry and its static import graph in one response
	 * ({@code velocity.hmr.bundle.enabled=true}, the default).
	 */
	BUNDLED("true"),

	/**
	 * One request per module, as native ES modules
	 * ({@code velocity.hmr.bundle.enabled=false}).
	 */
	NATIVE("false");

	private final String enabled;

	PageMode(String enabled) {
		this.enabled = enabled;
	}

	/**
	 * The app's argument that sets this mode.
	 * @return the command-line argument
	 */
	String argument() {
		return "--velocity.hmr.bundle.enabled=" + this.enabled;
	}

	/**
	 * The mode a {@link #name()} in lower case names.
	 * @param name {@code bundled} or {@code native}
	 * @return the mode
	 */
	static PageMode named(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT));
	}

}

package io.velocity.hmr.resolve;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A bare specifier split into the package name and the subpath asked for:
 * {@code @lit/reactive-element/decorators.js} is the package
 * {@code @lit/reactive-element} and the subpath {@code ./decorators.js}.
 *
 * @param name the package name
 * @param subpath {@code .} for the package's main entry, else {@code ./…}
 */
record BareSpecifier(String name, String subpath) {

	// Node's own modules: a browser has none of them, so a package importing one only
	// runs in Node (unless a package of that name is there to stand in).
	private static final Set<String> NODE_BUILT_INS = Set.of("assert", "async_hooks", "buffer", "child_process",
			"cluster", "console", "crypto", "dgram", "dns", "events", "fs", "fs/promises", "http", "http2", "https",
			"inspector", "module", "net", "os", "path", "perf_hooks", "process", "querystring", "readline", "repl",
			"stream", "string_decoder", "timers", "tls", "tty", "url", "util", "v8", "vm", "worker_threads", "zlib");

	/**
	 * Split a bare specifier.
	 * @param specifier the specifier
	 * @return the parts
	 * @throws PackageResolutionException if it is not a valid package name, or names a
	 * module of Node's own
	 */
	static BareSpecifier parse(String specifier) throws PackageResolutionException {
		if (specifier.startsWith("node:")) {
			throw nodeOnly(specifier, null);
		}
		int nameEnd = specifier.indexOf('/');
		if (specifier.startsWith("@")) {
			nameEnd = (nameEnd > 1) ? specifier.indexOf('/', nameEnd + 1) : -1;
			if (specifier.indexOf('/') < 2 || specifier.indexOf('/') == specifier.length() - 1) {
				throw new PackageResolutionException("'" + specifier + "' is not a valid package name");
			}
		}
		String name = (nameEnd < 0) ? specifier : specifier.substring(0, nameEnd);
		String rest = (nameEnd < 0) ? "" : specifier.substring(nameEnd + 1);
		if (name.isEmpty() || name.startsWith(".") || name.startsWith("_") || name.contains("\\") || name.contains("%")
				|| name.contains(":")) {
			throw new PackageResolutionException("'" + specifier + "' is not a valid package name");
		}
		return new BareSpecifier(name, rest.isEmpty() ? "." : "./" + rest);
	}

	/**
	 * Whether a package name is one of Node's own modules.
	 * @param name the name
	 * @return whether it is
	 */
	static boolean isNodeBuiltIn(String name) {
		return NODE_BUILT_INS.contains(name);
	}

	static PackageResolutionException nodeOnly(String specifier, @Nullable PackageFile importer) {
		String who = (importer != null)
				? "package " + importer.pkg().id() + " (" + importer.path() + ") imports it, so it"
				: "the code importing it";
		return new PackageResolutionException("'" + specifier
				+ "' is a Node.js built-in module, which browsers do not have: " + who + " only runs in Node");
	}

	/**
	 * The Maven coordinates of the mvnpm jar of a package ({@code @lit/reactive-element}
	 * is {@code org.mvnpm.at.lit:reactive-element}).
	 * @param name the package name
	 * @return the coordinates without version
	 */
	static String mvnpmCoordinates(String name) {
		if (name.startsWith("@") && name.indexOf('/') > 0) {
			int slash = name.indexOf('/');
			return "org.mvnpm.at." + name.substring(1, slash) + ":" + name.substring(slash + 1);
		}
		return "org.mvnpm:" + name;
	}

	/**
	 * The Maven coordinates of the WebJar of a package ({@code @lit/reactive-element} is
	 * {@code org.webjars.npm:lit__reactive-element}).
	 * @param name the package name
	 * @return the coordinates without version
	 */
	static String webJarCoordinates(String name) {
		if (name.startsWith("@") && name.indexOf('/') > 0) {
			return "org.webjars.npm:" + name.substring(1).replace("/", "__");
		}
		return "org.webjars.npm:" + name;
	}

}

package io.velocity.hmr.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.velocity.hmr.compile.JsonStrings;

/**
 * Writes a {@link PageGraph} as one ES module: it imports the registry and the native
 * modules (few requests: the runtime, packages, the client), registers those, defines
 * every application module and, for a page, evaluates the entry. Its source map is an
 * index map with one section per module, each the module's own map, so that the developer
 * tools show the original files.
 */
final class BundleText {

	static final String REGISTRY_URL = "/__velocity/module-registry.js";

	private static final Pattern VERSIONED = Pattern.compile("[?&]t=\\d");

	private BundleText() {
	}

	/**
	 * Write the bundle.
	 * @param graph the graph
	 * @param run whether to evaluate the entry (a page) or only define the modules (a
	 * dynamic import, a hot update)
	 * @param mapUrl the URL of the source map
	 * @return the module's code
	 */
	static String code(PageGraph graph, boolean run, String mapUrl) {
		StringBuilder code = new StringBuilder(1024 + graph.modules().size() * 512);
		code.append("import { registry as __velocity_hmr__ } from ")
			.append(JsonStrings.quote(REGISTRY_URL))
			.append(";\n");
		for (int i = 0; i < graph.natives().size(); i++) {
			code.append("import * as __vn")
				.append(i)
				.append(" from ")
				.append(JsonStrings.quote(graph.natives().get(i)));
			code.append(";\n");
		}
		for (int i = 0; i < graph.natives().size(); i++) {
			code.append("__velocity_hmr__.registerNative(").append(JsonStrings.quote(graph.natives().get(i)));
			code.append(", __vn").append(i).append(");\n");
		}
		for (BundledModule module : graph.modules()) {
			code.append(module.registry().code());
		}
		if (run) {
			code.append("__velocity_hmr__.require(").append(JsonStrings.quote(graph.entry())).append(");\n");
		}
		return code.append("//# sourceMappingURL=").append(mapUrl).append('\n').toString();
	}

	/**
	 * Write the index source map of {@link #code}.
	 * @param graph the graph
	 * @return the map's JSON
	 */
	static String sourceMap(PageGraph graph) {
		StringBuilder map = new StringBuilder("{\"version\":3,\"sections\":[");
		int line = 1 + 2 * graph.natives().size();
		boolean first = true;
		for (BundledModule module : graph.modules()) {
			if (module.sourceMap() != null) {
				map.append(first ? "" : ",")
					.append("{\"offset\":{\"line\":")
					.append(line)
					.append(",\"column\":")
					.append(module.registry().firstLineShift())
					.append("},\"map\":")
					.append(module.sourceMap())
					.append('}');
				first = false;
			}
			line += lines(module.registry().code());
		}
		return map.append("]}").toString();
	}

	static String url(String entry, String flags) {
		return "/__velocity/bundle?entry=" + URLEncoder.encode(entry, StandardCharsets.UTF_8) + flags;
	}

	/**
	 * The module served when an entry's graph cannot be bundled. A page's entry is
	 * imported natively: a page served so is an unbundled page, and its registry stays
	 * empty, so that its hot updates import new versions natively too and link them to
	 * the instances the page has. A new version that a bundled page asked for is refused:
	 * imported natively, it would import a second instance of every module it imports, so
	 * the page reloads. A module a bundled page imports dynamically is imported natively
	 * and registered, so that the registry finds it.
	 * @param entry the entry
	 * @param run whether it is a page's entry
	 * @param reason why it cannot be bundled
	 */
	static String fallback(String entry, boolean run, String reason) {
		if (run) {
			return "import " + JsonStrings.quote(entry) + ";\n";
		}
		String registry = "import { registry as __velocity_hmr__ } from " + JsonStrings.quote(REGISTRY_URL) + ";\n";
		if (VERSIONED.matcher(entry).find()) {
			return registry + "__velocity_hmr__.refuse(" + JsonStrings.quote(entry) + ", " + JsonStrings.quote(reason)
					+ ");\n";
		}
		return registry + "import * as entry from " + JsonStrings.quote(entry) + ";\n"
				+ "__velocity_hmr__.registerNative(" + JsonStrings.quote(entry) + ", entry);\n";
	}

	private static int lines(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

}

package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The code hot mode adds to every module. In front of the first line, on that line so
 * that no original line moves, the module's hot context, which also opens its module
 * scope (the owner of the signals, memos and effects its top level makes, so that they
 * keep their state when it runs again): <pre class="code">
 * import.meta.hot = __velocity_createHotContext("/frontend/Counter.tsx", import.meta);
 * </pre> and after the code, one registration per component, the self-accept of a
 * component module that can safely run again (which fails if a swapped instance failed to
 * render), the end of the module scope, and the imports (hoisted, so their place does not
 * matter): <pre class="code">
 * __velocity_registerComponent("/frontend/Counter.tsx", "Counter", Counter);
 * import.meta.hot.accept(() =&gt; __velocity_swapped("/frontend/Counter.tsx"));
 * __velocity_moduleEvaluated("/frontend/Counter.tsx");
 * import { createHotContext as __velocity_createHotContext, moduleEvaluated as __velocity_moduleEvaluated } from "/__velocity/hmr-client.js";
 * import { registerComponent as __velocity_registerComponent, swapped as __velocity_swapped } from "/__velocity/hot-components.js";
 * </pre> A module that awaits at its top level gets no module scope: others run while it
 * waits. The module URL in the hot context and the registrations is the plain one, never
 * versioned, as it identifies the module across versions.
 */
final class HotCode {

	/**
	 * The URL of the HMR client, which creates hot contexts.
	 */
	static final String CLIENT_URL = "/__velocity/hmr-client.js";

	/**
	 * The URL of the runtime module that registers and hot-swaps components.
	 */
	static final String COMPONENTS_URL = "/__velocity/hot-components.js";

	private HotCode() {
	}

	/**
	 * The client modules a module imports in hot mode.
	 * @param hot the module's hot features
	 * @return their plain URLs, in the order of the code
	 */
	static List<String> clientUrls(HotFeatures hot) {
		List<String> urls = new ArrayList<>(2);
		urls.add(CLIENT_URL);
		if (hot.isComponentModule()) {
			urls.add(COMPONENTS_URL);
		}
		return urls;
	}

	/**
	 * The prelude to put in front of the first line.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @return the prelude
	 */
	static String prefix(String moduleUrl, HotFeatures hot) {
		return "import.meta.hot = __velocity_createHotContext(" + JsonStrings.quote(moduleUrl) + ", import.meta"
				+ (scoped(hot) ? "" : ", false") + ");";
	}

	/**
	 * The lines to add after the code.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @param autoAccept whether to add a self-accept
	 * @param writtenClientUrls the written form of {@link #clientUrls(HotFeatures)}
	 * @return the lines, each ending with a line break
	 */
	static String suffix(String moduleUrl, HotFeatures hot, boolean autoAccept, List<String> writtenClientUrls) {
		StringBuilder suffix = new StringBuilder();
		appendCalls(suffix, moduleUrl, hot, autoAccept, IMPORT_META, (module, name) -> "__velocity_" + name);
		suffix.append("import { createHotContext as __velocity_createHotContext")
			.append(scoped(hot) ? ", moduleEvaluated as __velocity_moduleEvaluated" : "")
			.append(" } from ")
			.append(JsonStrings.quote(writtenClientUrls.get(0)))
			.append(";\n");
		if (hot.isComponentModule()) {
			suffix.append(
					"import { registerComponent as __velocity_registerComponent, swapped as __velocity_swapped } from ")
				.append(JsonStrings.quote(writtenClientUrls.get(1)))
				.append(";\n");
		}
		return suffix.toString();
	}

	/**
	 * What {@code import.meta} is in the registry form of a bundled page.
	 */
	static final String REGISTRY_META = "__vm";

	static final String IMPORT_META = "import.meta";

	/**
	 * The prelude in the registry form of a bundled page, as a registry plan read from
	 * the parsed {@link #prefix(String, HotFeatures)} would write it.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @param namespaces the variables holding the namespaces of the client modules, in
	 * the order of {@link #clientUrls(HotFeatures)}
	 * @return the prelude
	 */
	static String registryPrefix(String moduleUrl, HotFeatures hot, List<String> namespaces) {
		return REGISTRY_META + ".hot = (0, " + namespaces.get(0) + ".createHotContext)(" + JsonStrings.quote(moduleUrl)
				+ ", " + REGISTRY_META + (scoped(hot) ? "" : ", false") + ");";
	}

	/**
	 * The lines after the code in the registry form of a bundled page, as a registry plan
	 * read from the parsed {@link #suffix(String, HotFeatures, boolean, List)} would
	 * write them: its imports become empty lines, the names they bind reads of the
	 * namespaces.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @param autoAccept whether to add a self-accept
	 * @param namespaces the variables holding the namespaces of the client modules, in
	 * the order of {@link #clientUrls(HotFeatures)}
	 * @return the lines, each ending with a line break
	 */
	static String registrySuffix(String moduleUrl, HotFeatures hot, boolean autoAccept, List<String> namespaces) {
		StringBuilder suffix = new StringBuilder();
		appendCalls(suffix, moduleUrl, hot, autoAccept, REGISTRY_META, (module, name) -> "(0, "
				+ ((module < namespaces.size()) ? namespaces.get(module) : "") + "." + name + ")");
		// The imports' lines, empty.
		suffix.append('\n');
		if (hot.isComponentModule()) {
			suffix.append('\n');
		}
		return suffix.toString();
	}

	/**
	 * The calls after the code, the same in both forms but for how they name what they
	 * call.
	 * @param callee the expression calling an export (by name) of a client module (by its
	 * index in {@link #clientUrls(HotFeatures)})
	 */
	private static void appendCalls(StringBuilder suffix, String moduleUrl, HotFeatures hot, boolean autoAccept,
			String meta, BiFunction<Integer, String, String> callee) {
		String url = JsonStrings.quote(moduleUrl);
		for (String component : hot.components()) {
			suffix.append(callee.apply(1, "registerComponent"))
				.append('(')
				.append(url)
				.append(", ")
				.append(JsonStrings.quote(component))
				.append(", ")
				.append(component)
				.append(");\n");
		}
		if (autoAccept) {
			suffix.append(meta)
				.append(".hot.accept(")
				.append(hot.isComponentModule() ? "() => " + callee.apply(1, "swapped") + "(" + url + ")" : "")
				.append(");\n");
		}
		if (scoped(hot)) {
			suffix.append(callee.apply(0, "moduleEvaluated")).append('(').append(url).append(");\n");
		}
	}

	private static boolean scoped(HotFeatures hot) {
		return !hot.topLevelAwait();
	}

}

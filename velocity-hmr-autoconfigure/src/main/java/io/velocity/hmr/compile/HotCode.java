package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * The code hot mode adds to a module. In front of the first line, on that line so that no
 * original line moves: <pre class="code">
 * import.meta.hot = __velocity_createHotContext("/frontend/Counter.tsx");
 * </pre> and after the code, one registration per component, the self-accept of a
 * component module that can safely run again, and the imports (hoisted, so their place
 * does not matter): <pre class="code">
 * __velocity_registerComponent("/frontend/Counter.tsx", "Counter", Counter);
 * import.meta.hot.accept();
 * import { createHotContext as __velocity_createHotContext } from "/__velocity/hmr-client.js";
 * import { registerComponent as __velocity_registerComponent } from "/__velocity/hot-components.js";
 * </pre> The module URL in the hot context and the registrations is the plain one, never
 * customized, as it identifies the module across versions.
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
		if (hasContext(hot)) {
			urls.add(CLIENT_URL);
		}
		if (hot.isComponentModule()) {
			urls.add(COMPONENTS_URL);
		}
		return urls;
	}

	/**
	 * The prelude to put in front of the first line.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @return the prelude, or an empty string when the module needs no hot context
	 */
	static String prefix(String moduleUrl, HotFeatures hot) {
		return hasContext(hot)
				? "import.meta.hot = __velocity_createHotContext(" + JsonStrings.quote(moduleUrl) + ", import.meta);"
				: "";
	}

	/**
	 * The lines to add after the code.
	 * @param moduleUrl the module's URL
	 * @param hot the module's hot features
	 * @param autoAccept whether to add {@code import.meta.hot.accept()}
	 * @param writtenClientUrls the written form of {@link #clientUrls(HotFeatures)}
	 * @return the lines, each ending with a line break
	 */
	static String suffix(String moduleUrl, HotFeatures hot, boolean autoAccept, List<String> writtenClientUrls) {
		StringBuilder suffix = new StringBuilder();
		String url = JsonStrings.quote(moduleUrl);
		for (String component : hot.components()) {
			suffix.append("__velocity_registerComponent(")
				.append(url)
				.append(", ")
				.append(JsonStrings.quote(component))
				.append(", ")
				.append(component)
				.append(");\n");
		}
		if (autoAccept) {
			suffix.append("import.meta.hot.accept();\n");
		}
		int index = 0;
		if (hasContext(hot)) {
			suffix.append("import { createHotContext as __velocity_createHotContext } from ")
				.append(JsonStrings.quote(writtenClientUrls.get(index++)))
				.append(";\n");
		}
		if (hot.isComponentModule()) {
			suffix.append("import { registerComponent as __velocity_registerComponent } from ")
				.append(JsonStrings.quote(writtenClientUrls.get(index)))
				.append(";\n");
		}
		return suffix.toString();
	}

	private static boolean hasContext(HotFeatures hot) {
		return hot.usesHot() || hot.isComponentModule();
	}

}

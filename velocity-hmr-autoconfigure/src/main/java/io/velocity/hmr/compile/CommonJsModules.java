package io.velocity.hmr.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a CommonJS module as an ES module, so that a package that ships only CommonJS
 * (as {@code classnames} does) loads in the browser: every module it {@code require}s by
 * a literal is imported first (ES imports run first, where {@code require} would run on
 * demand), the original code runs unchanged inside the function Node would wrap it in,
 * and {@code module.exports} becomes the default export, plus a named export for each
 * name that {@link CommonJsSyntax} found. The export named {@code "module.exports"} hands
 * the exports object to CommonJS importers as it is.
 */
final class CommonJsModules {

	private CommonJsModules() {
	}

	/**
	 * Write the module.
	 * @param text the CommonJS source
	 * @param requires the URL each required specifier resolves to
	 * @param exports the names to export besides {@code default}
	 * @param development whether {@code process.env.NODE_ENV} is {@code development}
	 * @return the ES module
	 */
	static String write(String text, Map<String, String> requires, Set<String> exports, boolean development) {
		StringBuilder code = new StringBuilder(text.length() + 1024);
		List<String> specifiers = List.copyOf(requires.keySet());
		for (int i = 0; i < specifiers.size(); i++) {
			code.append("import * as __velocity_r")
				.append(i)
				.append(" from ")
				.append(JsonStrings.quote(requires.get(specifiers.get(i))))
				.append(";\n");
		}
		code.append("const __velocity_modules = {");
		for (int i = 0; i < specifiers.size(); i++) {
			code.append(JsonStrings.quote(specifiers.get(i))).append(": __velocity_r").append(i).append(", ");
		}
		code.append("};\n");
		code.append(
				"""
						const __velocity_require = (id) => {
							const ns = __velocity_modules[id];
							if (!ns) throw new Error("Cannot find module '" + id + "' (only modules required by a string literal are served)");
							return ("module.exports" in ns) ? ns["module.exports"] : ns;
						};
						const __velocity_process = globalThis.process ?? { env: { NODE_ENV: %s } };
						const __velocity_module = { exports: {} };
						(function (module, exports, require, global, process) {
						"""
					.formatted(JsonStrings.quote(development ? "development" : "production")));
		code.append(text.startsWith("#!") ? "//" + text : text);
		code.append(
				"""

						}).call(__velocity_module.exports, __velocity_module, __velocity_module.exports, __velocity_require, globalThis, __velocity_process);
						const __velocity_exports = __velocity_module.exports;
						export { __velocity_exports as "module.exports" };
						export default (__velocity_exports && __velocity_exports.__esModule && "default" in __velocity_exports) ? __velocity_exports.default : __velocity_exports;
						""");
		List<String> named = exports.stream()
			.filter(Identifiers::isBindable)
			.filter((name) -> !name.startsWith("__"))
			.toList();
		if (!named.isEmpty()) {
			code.append("export const { ").append(String.join(", ", named)).append(" } = __velocity_exports ?? {};\n");
		}
		return code.toString();
	}

}

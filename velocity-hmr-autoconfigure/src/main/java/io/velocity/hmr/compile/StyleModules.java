package io.velocity.hmr.compile;

import java.util.List;
import java.util.function.UnaryOperator;

import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Writes a style sheet as a JavaScript module, for {@code import './x.css'}: the module
 * puts the sheet's text into one {@code <style data-velocity-css="/frontend/x.css">}
 * element, created on the first run and updated in place on later ones, and exports the
 * text as {@code default}. Relative references in the sheet are made absolute
 * ({@link StyleSheetUrls}), as an inline sheet resolves them against the page.
 * <p>
 * In hot mode the module accepts its own updates, so an edit to the sheet runs the new
 * module, which replaces the element's text: there is no moment without the styles. When
 * no module imports it any more, pruning removes the element: <pre class="code">
 * import.meta.hot = __velocity_createHotContext("/frontend/x.css", import.meta);
 * const url = "/frontend/x.css";
 * const css = ".x { color: red; }";
 * …
 * import.meta.hot.prune(() => style.remove());
 * export default css;
 * import.meta.hot.accept();
 * import { createHotContext as __velocity_createHotContext } from "/__velocity/hmr-client.js";
 * </pre>
 */
final class StyleModules {

	/**
	 * What the module says about hot module replacement in hot mode.
	 */
	static final HotFeatures HOT_FEATURES = new HotFeatures(true, true, List.of(), false, false, List.of(), false,
			false);

	// Looked up by attribute, not kept in a variable: each version of the module runs
	// anew and must find the element the previous one made.
	private static final String BODY = """
			const url = %s;
			const css = %s;
			let style = Array.from(document.querySelectorAll("style[data-velocity-css]"))
				.find((element) => element.dataset.velocityCss === url);
			if (!style) {
				style = document.createElement("style");
				style.dataset.velocityCss = url;
				document.head.append(style);
			}
			if (style.textContent !== css) {
				style.textContent = css;
			}
			""";

	private final ModuleUrls urls;

	private final UnaryOperator<String> importUrlCustomizer;

	private final boolean hot;

	StyleModules(ModuleUrls urls, UnaryOperator<String> importUrlCustomizer, boolean hot) {
		this.urls = urls;
		this.importUrlCustomizer = importUrlCustomizer;
		this.hot = hot;
	}

	/**
	 * Write a style sheet as a module.
	 * @param source the style sheet
	 * @return the module
	 * @throws CompileProblemException if the sheet is not UTF-8
	 */
	CompiledModule compile(ModuleSource source) {
		String url = this.urls.toUrl(source.path());
		String css = StyleSheetUrls.absolute(SourceText.decode(source), url);
		HotFeatures features = this.hot ? HOT_FEATURES : HotFeatures.NONE;
		List<String> written = HotCode.clientUrls(features).stream().map(this.importUrlCustomizer).toList();
		StringBuilder code = new StringBuilder(css.length() + 1024);
		String prefix = HotCode.prefix(url, features);
		code.append(prefix)
			.append(prefix.isEmpty() ? "" : "\n")
			.append(BODY.formatted(JsonStrings.quote(url), JsonStrings.quote(css)));
		if (this.hot) {
			code.append("import.meta.hot.prune(() => style.remove());\n");
		}
		code.append("export default css;\n").append(HotCode.suffix(url, features, this.hot, written));
		String result = code.toString();
		return new CompiledModule(source.path(), url, result, ModuleCompiler.hash(result), List.of(),
				List.of("default"), written, features);
	}

}

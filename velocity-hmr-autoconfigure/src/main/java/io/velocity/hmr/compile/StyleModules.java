package io.velocity.hmr.compile;

import java.util.List;

import io.velocity.hmr.source.ModuleSource;

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
	static final HotFeatures HOT_FEATURES = HotFeatures.builder().usesHot(true).selfAccepting(true).build();

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

	private final boolean hot;

	StyleModules(boolean hot) {
		this.hot = hot;
	}

	/**
	 * Read a style sheet and make its relative references absolute.
	 * @param source the style sheet
	 * @param url the URL it is served under
	 * @return the analysed sheet
	 * @throws CompileProblemException if the sheet is not UTF-8
	 */
	AnalyzedModule analyze(ModuleSource source, String url) {
		String css = StyleSheetUrls.absolute(SourceText.decode(source), url);
		if (CssModules.isCssModule(source.path())) {
			css = CssModules.scope(css, source.path());
		}
		return AnalyzedModule.styleSheet(source.path(), url, css, this.hot ? HOT_FEATURES : HotFeatures.NONE);
	}

	/**
	 * Write an analysed style sheet as a module.
	 * @param sheet the analysed sheet
	 * @param written the import URLs of the client modules it uses, as written
	 * @return the module
	 */
	CompiledModule emit(AnalyzedModule sheet, List<String> written) {
		String css = sheet.styleSheet();
		HotFeatures features = sheet.hot();
		StringBuilder code = new StringBuilder(css.length() + 1024);
		if (this.hot) {
			code.append(HotCode.prefix(sheet.url(), features)).append('\n');
		}
		code.append(BODY.formatted(JsonStrings.quote(sheet.url()), JsonStrings.quote(css)));
		if (this.hot) {
			code.append("import.meta.hot.prune(() => style.remove());\n");
		}
		code.append(CssModules.isCssModule(sheet.path())
				? "export default " + CssModules.classMap(css, sheet.path()) + ";\n" : "export default css;\n");
		if (this.hot) {
			code.append(HotCode.suffix(sheet.url(), features, true, written));
		}
		String result = code.toString();
		return new CompiledModule(sheet, result, ModuleCompiler.hash(result), written);
	}

}

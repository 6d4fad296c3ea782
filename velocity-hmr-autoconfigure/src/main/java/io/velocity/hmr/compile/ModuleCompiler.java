package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import io.velocity.hmr.compile.ImportRewriter.Rewrite;
import io.velocity.hmr.source.ModulePaths;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import org.springframework.util.Assert;

/**
 * Compiles TypeScript, TSX, JSX and JavaScript modules to browser ES modules with swc4j.
 * JSX uses the automatic runtime from {@code velocity/jsx-runtime}, so components never
 * import a factory. Import specifiers are resolved by an {@link ImportResolver} and
 * rewritten to URLs in the generated code, where they are found by parsing it: what is
 * recorded is exactly what the browser will request, without imports that TypeScript
 * drops because they are only used as types. The inline source map names the module's
 * served URL as its source and embeds the original text.
 * <p>
 * In hot mode the compiler also reads what the module says about hot module replacement
 * ({@link HotFeatures}), writes the URLs of accepted dependencies over their specifiers
 * in {@code import.meta.hot.accept(…)} calls, and adds the code described on
 * {@link HotCode}: a hot context for modules that use {@code import.meta.hot} or define
 * components, a registration per component, and a self-accept for component modules that
 * export only components and have no side effects they do not dispose of. Outside hot
 * mode the code is left as swc wrote it, imports aside.
 * <p>
 * A style sheet is written as a module that injects it ({@link StyleModules}), which is
 * what an import of a {@code .css} file loads.
 * <p>
 * <p>
 * The transpile and the resolution of specifiers are done by a {@link ModuleAnalyzer};
 * this class dispatches style sheets and writes the served code from the analysis. swc4j
 * is not given a plugin to rewrite imports during the transpile because any plugin makes
 * it emit an empty source map.
 */
public final class ModuleCompiler {

	/**
	 * The query parameter that asks for a style sheet as a JavaScript module (as Vite's
	 * {@code ?import}): the compiler writes {@code import './x.css'} as
	 * {@code import "/frontend/x.css?import"}, while {@code /frontend/x.css} itself stays
	 * the style sheet, for {@code <link rel="stylesheet">}.
	 */
	public static final String STYLE_IMPORT_QUERY = "import";

	private final ModuleAnalyzer analyzer;

	private final UnaryOperator<String> importUrlCustomizer;

	private final boolean hot;

	private final ImportRewriter rewriter = new ImportRewriter();

	private final StyleModules styleModules;

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls) {
		this(sources, urls, UnaryOperator.identity());
	}

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param importUrlCustomizer applied to each resolved URL before it is written into
	 * the code, for example to add a version query; the recorded
	 * {@link ModuleImport#url()} stays the plain URL
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls, UnaryOperator<String> importUrlCustomizer) {
		this(sources, urls, importUrlCustomizer, false);
	}

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param importUrlCustomizer applied to each import URL before it is written into the
	 * code, those of the Velocity runtime and of the hot client modules included, for
	 * example to add a version query; it must leave the URLs of the runtime and the
	 * client modules stable, as each must be a single instance in the page. The recorded
	 * {@link ModuleImport#url()} stays the plain URL
	 * @param hot whether hot module replacement is active, see the class description
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls, UnaryOperator<String> importUrlCustomizer,
			boolean hot) {
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(urls, "'urls' must not be null");
		Assert.notNull(importUrlCustomizer, "'importUrlCustomizer' must not be null");
		this.analyzer = new ModuleAnalyzer(sources, urls, hot);
		this.importUrlCustomizer = importUrlCustomizer;
		this.hot = hot;
		this.styleModules = new StyleModules(urls, importUrlCustomizer, hot);
	}

	/**
	 * Whether a module path has an extension this compiler handles ({@code .ts},
	 * {@code .tsx}, {@code .jsx}, {@code .js} or {@code .mjs}).
	 * @param path a module path
	 * @return whether {@link #compile(ModuleSource)} accepts it
	 */
	public static boolean isCompilable(String path) {
		return ModuleAnalyzer.isScript(path);
	}

	/**
	 * Whether a module path names a style sheet ({@code .css}), which
	 * {@link #compile(ModuleSource)} writes as a JavaScript module that injects it: the
	 * form an {@code import './x.css'} loads, under the URL with the
	 * {@link #STYLE_IMPORT_QUERY} query.
	 * @param path a module path
	 * @return whether the path names a style sheet
	 */
	public static boolean isStyleSheet(String path) {
		return ModulePaths.extension(path).equals("css");
	}

	/**
	 * Compile a module: a script to a browser ES module, a style sheet to a module that
	 * injects it (see {@link #isStyleSheet(String)}).
	 * @param source the module
	 * @return the compiled module
	 * @throws CompileProblemException if the source has a syntax error, is not UTF-8 or
	 * imports something that cannot be resolved
	 */
	public CompiledModule compile(ModuleSource source) {
		Assert.notNull(source, "'source' must not be null");
		if (isStyleSheet(source.path())) {
			return this.styleModules.compile(source);
		}
		return emit(analyze(source));
	}

	/**
	 * Transpile a module and resolve its specifiers: the expensive part of
	 * {@link #compile(ModuleSource)}.
	 * @param source the module
	 * @return the analysis to {@link #emit(ModuleAnalysis) emit}
	 * @throws CompileProblemException as {@link #compile(ModuleSource)} does
	 */
	ModuleAnalysis analyze(ModuleSource source) {
		return this.analyzer.analyze(source);
	}

	/**
	 * Write the served code of an analysed module, with import URLs as the customizer
	 * returns them now.
	 * @param analysis the analysis
	 * @return the compiled module
	 */
	CompiledModule emit(ModuleAnalysis analysis) {
		List<String> written = writtenImportUrls(analysis);
		List<Rewrite> rewrites = new ArrayList<>(analysis.importSites().size() + analysis.acceptSites().size());
		for (int i = 0; i < analysis.importSites().size(); i++) {
			rewrites.add(new Rewrite(analysis.importSites().get(i).site(), written.get(i)));
		}
		String prefix = "";
		String suffix = "";
		if (this.hot) {
			rewrites.addAll(analysis.acceptSites());
			rewrites.sort(Comparator.comparingInt((rewrite) -> rewrite.site().span().getStart()));
			List<String> clientUrls = written.subList(analysis.importSites().size(), written.size());
			prefix = HotCode.prefix(analysis.url(), analysis.hot());
			suffix = HotCode.suffix(analysis.url(), analysis.hot(), analysis.autoAccept(), clientUrls);
		}
		String code = this.rewriter.rewrite(analysis.code(), analysis.sourceMap(), rewrites, prefix, suffix,
				analysis.url(), analysis.text());
		return new CompiledModule(analysis.path(), analysis.url(), code, hash(code), analysis.imports(),
				analysis.exports(), written, analysis.hot());
	}

	/**
	 * Return the import URLs as {@link #emit(ModuleAnalysis)} would write them now.
	 * @param analysis the analysis
	 * @return the URLs, as {@link CompiledModule#writtenImportUrls()} lists them
	 */
	List<String> writtenImportUrls(ModuleAnalysis analysis) {
		List<String> written = new ArrayList<>(analysis.importSites().size() + 2);
		for (Rewrite site : analysis.importSites()) {
			written.add(this.importUrlCustomizer.apply(site.url()));
		}
		if (this.hot) {
			HotCode.clientUrls(analysis.hot()).forEach((url) -> written.add(this.importUrlCustomizer.apply(url)));
		}
		return written;
	}

	/**
	 * Load swc4j's native library and compile a small TSX module, so that the first real
	 * request does not pay for either.
	 */
	public void warmUp() {
		this.analyzer.warmUp();
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

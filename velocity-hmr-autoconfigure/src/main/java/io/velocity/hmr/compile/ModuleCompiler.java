package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ImportRewriter.Rewrite;
import io.velocity.hmr.compile.registry.RegistryCode;
import io.velocity.hmr.compile.registry.RegistryFormException;
import io.velocity.hmr.compile.registry.RegistryPlan;
import io.velocity.hmr.source.ModuleKind;
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
 * Compiling is two steps: {@link #analyze(ModuleSource)} transpiles and resolves (the
 * expensive part), {@link #emit(AnalyzedModule, ModuleVersions)} writes the served code
 * with the import URLs of the given versions, so the same analysis serves every version.
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

	private final ModuleUrls urls;

	private final CompileMode mode;

	private final ImportRewriter rewriter = new ImportRewriter();

	private final StyleModules styleModules;

	private final LinkCheck links;

	private final ImportMetaEnv env;

	private final CompileLimits limits;

	private volatile @Nullable AnalysisCache analysisCache;

	private final Set<String> analysedPaths = ConcurrentHashMap.newKeySet();

	/**
	 * Create a compiler for production.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls) {
		this(sources, urls, CompileMode.PRODUCTION);
	}

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param mode whether to compile for production or for hot module replacement, see
	 * the class description
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls, CompileMode mode) {
		this(sources, urls, mode, PackageImports.NONE, ImportMetaEnv.PRODUCTION, CompileLimits.DEFAULT);
	}

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param mode whether to compile for production or for hot module replacement, see
	 * the class description
	 * @param packages how bare specifiers (packages, path aliases) resolve
	 * @param env what {@code import.meta.env} holds
	 * @param limits the largest and most deeply nested module compiled, and how long a
	 * compile may take
	 */
	public ModuleCompiler(ModuleSources sources, ModuleUrls urls, CompileMode mode, PackageImports packages,
			ImportMetaEnv env, CompileLimits limits) {
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(urls, "'urls' must not be null");
		Assert.notNull(mode, "'mode' must not be null");
		Assert.notNull(packages, "'packages' must not be null");
		Assert.notNull(env, "'env' must not be null");
		Assert.notNull(limits, "'limits' must not be null");
		this.limits = limits;
		this.analyzer = new ModuleAnalyzer(sources, urls, mode.isHot(), packages, limits.maxNestingDepth());
		this.urls = urls;
		this.mode = mode;
		this.env = env;
		this.styleModules = new StyleModules(mode.isHot());
		this.links = new LinkCheck(this.analyzer, urls);
	}

	/**
	 * Compile a module with no version stamps: a script to a browser ES module, a style
	 * sheet to a module that injects it.
	 * @param source the module
	 * @return the compiled module
	 * @throws CompileProblemException if the source has a syntax error, is not UTF-8 or
	 * imports something that cannot be resolved
	 */
	public CompiledModule compile(ModuleSource source) {
		return compile(source, ModuleVersions.NONE);
	}

	/**
	 * Compile a module: a script to a browser ES module, a style sheet to a module that
	 * injects it (the form an {@code import './x.css'} loads, under the URL with the
	 * {@link #STYLE_IMPORT_QUERY} query).
	 * @param source the module
	 * @param versions the versions its imports are written with
	 * @return the compiled module
	 * @throws CompileProblemException if the source has a syntax error, is not UTF-8 or
	 * imports something that cannot be resolved
	 */
	public CompiledModule compile(ModuleSource source, ModuleVersions versions) {
		return emit(analyze(source), versions);
	}

	/**
	 * Transpile a script and resolve its specifiers, or read a style sheet: the expensive
	 * part of {@link #compile(ModuleSource, ModuleVersions)}.
	 * @param source a script or a style sheet
	 * @return the analysis to {@link #emit(AnalyzedModule, ModuleVersions) emit}
	 * @throws CompileProblemException as {@link #compile(ModuleSource, ModuleVersions)}
	 * does
	 */
	public AnalyzedModule analyze(ModuleSource source) {
		Assert.notNull(source, "'source' must not be null");
		long maxSize = this.limits.maxModuleSize().toBytes();
		if (source.content().length > maxSize) {
			throw new CompileProblemException(
					new CompileProblem(source.path(), 0, 0,
							source.path() + " is " + megabytes(source.content().length) + ", more than the "
									+ megabytes(maxSize) + " a module may have (velocity.hmr.compiler.max-module-size)",
							""));
		}
		if (ModuleKind.of(source.path()) == ModuleKind.STYLE_SHEET) {
			return this.styleModules.analyze(source, this.urls.toUrl(source.path()));
		}
		AnalysisCache cache = this.analysisCache;
		// Only a module this run has not analysed yet can have a kept analysis worth
		// reading: once analysed, it is analysed again only because it changed (the
		// hot path of an edit, which the read would only slow down).
		if (cache != null && this.analysedPaths.add(source.path())) {
			Optional<ModuleAnalysis> kept = readKept(cache, source);
			if (kept.isPresent()) {
				return AnalyzedModule.script(kept.get());
			}
		}
		// swc recurses on the calling thread's native stack: never on a request's.
		ModuleAnalyzer.Analyzed analyzed = CompileThreads.run(source.path(), this.limits.timeout(),
				() -> this.analyzer.analyzeWithPlan(source));
		if (cache != null) {
			cache.write(source, analyzed.analysis());
		}
		return AnalyzedModule.script(analyzed.analysis(), analyzed.plan());
	}

	/**
	 * Read a registry plan of each script from the tree its analysis parses, so that
	 * {@link #registryForm(CompiledModule, String)} writes it without a parse: for
	 * bundled pages, and only then, as reading it costs a walk of the tree.
	 * @param registryPlans whether to read plans
	 */
	public void setRegistryPlans(boolean registryPlans) {
		this.analyzer.setRegistryPlans(registryPlans);
	}

	/**
	 * Write a compiled module in the registry form of a bundled page from the plan its
	 * analysis read, without parsing it: the same statement as one written from a parse
	 * of its code.
	 * @param compiled the module, as {@link #emit(AnalyzedModule, ModuleVersions)} wrote
	 * it
	 * @param key the URL to define it under
	 * @return the definition, or empty when the analysis has no plan (kept from an
	 * earlier run, plans not read, or a module that cannot be written so)
	 * @throws RegistryFormException if the plan does not fit the module's code
	 */
	public Optional<RegistryCode> registryForm(CompiledModule compiled, String key) {
		AnalyzedModule module = compiled.module();
		ModuleAnalysis analysis = module.script();
		if (analysis == null || !this.mode.isHot()) {
			return Optional.empty();
		}
		RegistryPlan plan = module.registryPlan();
		if (plan == null) {
			// Once per analysis, not per version: the importers an update stamps after
			// a restart have kept analyses.
			try {
				plan = CompileThreads.run(analysis.path(), this.limits.timeout(),
						() -> this.analyzer.registryPlan(analysis));
			}
			catch (IllegalStateException | CompileProblemException ex) {
				// The caller's own parse says why.
				return Optional.empty();
			}
			if (plan == null) {
				return Optional.empty();
			}
			module.registryPlan(plan);
		}
		return Optional.of(PlannedRegistryForm.write(plan, analysis, compiled.writtenImportUrls(),
				this.env.prelude(analysis.code()), key));
	}

	private Optional<ModuleAnalysis> readKept(AnalysisCache cache, ModuleSource source) {
		String text;
		try {
			text = ModuleAnalyzer.text(source);
		}
		catch (CompileProblemException ex) {
			// Not UTF-8: the analysis says so.
			return Optional.empty();
		}
		return cache.read(source, text).filter(this.analyzer::resolvesAsBefore);
	}

	/**
	 * Whether specifiers of a module still resolve to the URLs they resolved to, as a
	 * kept analysis is checked before it is used.
	 * @param path the module's path
	 * @param resolved its specifiers with the URLs they resolved to
	 * @return whether every one resolves as it did
	 */
	public boolean resolvesAsBefore(String path, List<ResolvedSpecifier> resolved) {
		return this.analyzer.resolvesAsBefore(path, resolved);
	}

	/**
	 * Return a fingerprint of the settings the served code depends on beyond the
	 * analyses, their {@link #fingerprint() compiler} and the versions: what
	 * {@code import.meta.env} holds, and the size limit a module is compiled under.
	 * @return the fingerprint
	 */
	public String outputFingerprint() {
		return "env=" + this.env.prelude("import.meta.env") + ";maxSize=" + this.limits.maxModuleSize().toBytes();
	}

	/**
	 * Keep script analyses across restarts in the given cache, or in none.
	 * @param analysisCache the cache, or {@code null}
	 */
	public void setAnalysisCache(@Nullable AnalysisCache analysisCache) {
		this.analysisCache = analysisCache;
	}

	/**
	 * Return the cache that keeps script analyses across restarts.
	 * @return the cache, or {@code null} if there is none
	 */
	public @Nullable AnalysisCache getAnalysisCache() {
		return this.analysisCache;
	}

	/**
	 * Return a fingerprint of this compiler and the settings its analyses depend on, for
	 * an {@link AnalysisCache}.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return CompilerFingerprint.of(this.mode, this.limits.maxNestingDepth());
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
	}

	/**
	 * Write the served code of an analysed module, with import URLs of the given
	 * versions.
	 * @param module the analysed module
	 * @param versions the versions its imports are written with
	 * @return the compiled module
	 */
	public CompiledModule emit(AnalyzedModule module, ModuleVersions versions) {
		return emit(module, versions::versioned);
	}

	/**
	 * Write the served code of an analysed module, each import written as the given
	 * function writes its resolved URL: the production build writes paths relative to the
	 * importer, for a bundler to follow.
	 * @param module the analysed module
	 * @param importUrls writes an import from its resolved URL (with any query)
	 * @return the compiled module
	 */
	public CompiledModule emit(AnalyzedModule module, UnaryOperator<String> importUrls) {
		List<String> written = writtenImportUrls(module, importUrls);
		ModuleAnalysis analysis = module.script();
		if (analysis == null) {
			return this.styleModules.emit(module, written);
		}
		List<Rewrite> rewrites = new ArrayList<>(analysis.importSites().size() + analysis.acceptSites().size());
		for (int i = 0; i < analysis.importSites().size(); i++) {
			rewrites.add(new Rewrite(analysis.importSites().get(i).site(), written.get(i)));
		}
		String prefix = this.env.prelude(analysis.code());
		String suffix = "";
		if (this.mode.isHot()) {
			rewrites.addAll(analysis.acceptSites());
			rewrites.sort(Comparator.comparingInt((rewrite) -> rewrite.site().span().getStart()));
			List<String> clientUrls = written.subList(analysis.importSites().size(), written.size());
			prefix += HotCode.prefix(analysis.url(), analysis.hot());
			suffix = HotCode.suffix(analysis.url(), analysis.hot(), analysis.autoAccept(), clientUrls);
		}
		String code = this.rewriter.rewrite(analysis.code(), analysis.sourceMap(), rewrites, prefix, suffix,
				analysis.url(), analysis.text());
		return new CompiledModule(module, code, hash(code), written);
	}

	/**
	 * Return the import URLs as {@link #emit(AnalyzedModule, ModuleVersions)} would write
	 * them with the given versions.
	 * @param module the analysed module
	 * @param versions the versions
	 * @return the URLs, as {@link CompiledModule#writtenImportUrls()} lists them
	 */
	List<String> writtenImportUrls(AnalyzedModule module, ModuleVersions versions) {
		return writtenImportUrls(module, versions::versioned);
	}

	private List<String> writtenImportUrls(AnalyzedModule module, UnaryOperator<String> importUrls) {
		ModuleAnalysis analysis = module.script();
		List<String> written = new ArrayList<>((analysis != null) ? analysis.importSites().size() + 2 : 2);
		if (analysis != null) {
			for (Rewrite site : analysis.importSites()) {
				written.add(importUrls.apply(site.url()));
			}
		}
		if (this.mode.isHot()) {
			// The client modules are never versioned: each must be a single instance in
			// the
			// page.
			written.addAll(HotCode.clientUrls(module.hot()));
		}
		return written;
	}

	/**
	 * Check that every name a module imports is exported by the module it names.
	 * @param module the analysed module
	 * @param analysed the analysis of an application module by path, empty when it has
	 * none (missing, or it does not compile: then it is not checked against)
	 * @return the problem with the first name that is not exported, if any
	 */
	public Optional<CompileProblem> checkLinks(AnalyzedModule module,
			Function<String, Optional<AnalyzedModule>> analysed) {
		return CompileThreads.run(module.path(), this.limits.timeout(), () -> this.links.check(module, analysed));
	}

	/**
	 * Load swc4j's native library and compile a small TSX module, so that the first real
	 * request does not pay for either.
	 */
	public void warmUp() {
		CompileThreads.run("__warm-up.tsx", this.limits.timeout(), () -> {
			this.analyzer.warmUp();
			return null;
		});
	}

	/**
	 * Compile a sample component the way an edit compiles a module (analysis, link check,
	 * served code), so that, run a few hundred times while nothing else compiles, the JIT
	 * has compiled the Java side of an edit's path before the first edit.
	 * @param round the round, from 1
	 */
	public void rehearseEdit(int round) {
		onCompileThread(EditRehearsal.PATH, () -> {
			EditRehearsal.run(this.analyzer, this.links, this, round);
			return null;
		});
	}

	/**
	 * Run compile steps on one compile thread, so that they do not each hand over to one:
	 * what one update compiles, for example.
	 * @param <T> the result type
	 * @param path the module the steps are for, named by a problem if they take longer
	 * than the compile timeout
	 * @param steps the steps
	 * @return what the steps returned
	 * @throws CompileProblemException if a step threw one, or the steps took longer than
	 * the timeout
	 */
	public <T> T onCompileThread(String path, Callable<T> steps) {
		return CompileThreads.run(path, this.limits.timeout(), steps);
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

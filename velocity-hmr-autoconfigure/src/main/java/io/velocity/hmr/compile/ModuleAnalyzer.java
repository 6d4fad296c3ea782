package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;

import io.velocity.hmr.compile.ImportResolver.UnresolvedImportException;
import io.velocity.hmr.compile.ImportRewriter.Rewrite;
import io.velocity.hmr.compile.ModuleSyntax.ImportSite;
import io.velocity.hmr.compile.jsx.JsxOutput;
import io.velocity.hmr.compile.jsx.JsxPositions;
import io.velocity.hmr.compile.jsx.JsxProblemException;
import io.velocity.hmr.compile.jsx.JsxTransform;
import io.velocity.hmr.compile.registry.RegistryFormException;
import io.velocity.hmr.compile.registry.RegistryPlan;
import io.velocity.hmr.source.ModulePaths;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The expensive part of compiling a script module for {@link ModuleCompiler}: transpile
 * it with swc4j, compile the JSX of a {@code .tsx}/{@code .jsx} module in swc's code
 * ({@link JsxTransform}), read the imports, exports and hot facts from the syntax tree of
 * that code, and resolve every import specifier and every dependency named in
 * {@code import.meta.hot.accept(…)}, so that what is recorded is exactly what the browser
 * will request. The result, a {@link ModuleAnalysis}, is all that writing the served code
 * needs.
 * <p>
 * swc is called twice per module, each call a crossing into native code whose syntax tree
 * is converted node by node into Java: a module without JSX is transpiled and its code
 * parsed; a component is transpiled with its JSX kept and that code parsed, the tree
 * serving both the JSX transform and the facts ({@link ScriptSyntax#throughJsx}), so the
 * written code is not parsed again.
 */
final class ModuleAnalyzer {

	private static final Map<String, Swc4jMediaType> MEDIA_TYPES = Map.of("ts", Swc4jMediaType.TypeScript, "tsx",
			Swc4jMediaType.Tsx, "jsx", Swc4jMediaType.Jsx, "js", Swc4jMediaType.JavaScript, "mjs", Swc4jMediaType.Mjs);

	private static final Set<String> COMPONENT_EXTENSIONS = Set.of("tsx", "jsx");

	// Touches the common node types: the first use of each costs class loading and JIT.
	private static final String WARM_UP_SOURCE = """
			import { createSignal } from 'velocity';
			import type { Item } from './types';
			export interface Props { items: Item[]; title?: string }
			export default function Warm(props: Props) {
				const [count, setCount] = createSignal(0);
				const { title = `Items ${count()}` } = props;
				const more = async () => (await import('./More')).default;
				return (
					<ul class="warm" onClick={() => setCount(count() + 1)}>
						{props.items.map((item, i) => <li key={i}>{title}: {String(item)}</li>)}
						<More load={more} />
					</ul>
				);
			}
			export * from './all';
			export { Warm as Cold };
			import.meta.hot?.accept(['./all'], () => {});
			""";

	private final SwcTranspiler swc = new SwcTranspiler();

	private final ModuleUrls urls;

	private final ImportResolver resolver;

	private final boolean hot;

	private final int maxNestingDepth;

	private volatile boolean registryPlans;

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param hot whether hot module replacement is active: only then does a component
	 * module that can accept itself get a self-accept
	 * @param maxNestingDepth the deepest nesting compiled, see {@link NestingCheck}
	 */
	ModuleAnalyzer(ModuleSources sources, ModuleUrls urls, boolean hot) {
		this(sources, urls, hot, PackageImports.NONE, CompileLimits.DEFAULT.maxNestingDepth());
	}

	/**
	 * Create a new instance.
	 * @param sources where imported modules are looked up
	 * @param urls how module paths map to URLs
	 * @param hot whether hot module replacement is active
	 * @param packages how bare specifiers resolve
	 * @param maxNestingDepth the deepest nesting compiled, see {@link NestingCheck}
	 */
	ModuleAnalyzer(ModuleSources sources, ModuleUrls urls, boolean hot, PackageImports packages, int maxNestingDepth) {
		this.maxNestingDepth = maxNestingDepth;
		this.urls = urls;
		this.resolver = new ImportResolver(sources, urls, packages);
		this.hot = hot;
	}

	/**
	 * Whether a module path has an extension that is transpiled as a script.
	 * @param path a module path
	 * @return whether {@link #analyze(ModuleSource)} accepts it
	 */
	static boolean isScript(String path) {
		return MEDIA_TYPES.containsKey(ModulePaths.extension(path));
	}

	/**
	 * Transpile a module and resolve its specifiers.
	 * @param source the module
	 * @return the analysis
	 * @throws CompileProblemException if the source has a syntax error, is not UTF-8 or
	 * imports something that cannot be resolved
	 */
	ModuleAnalysis analyze(ModuleSource source) {
		return analyzeWithPlan(source).analysis();
	}

	/**
	 * Read a {@link RegistryPlan} of each module from the tree its analysis parses, for
	 * bundled pages, or not.
	 * @param registryPlans whether to read plans
	 */
	void setRegistryPlans(boolean registryPlans) {
		this.registryPlans = registryPlans;
	}

	/**
	 * Transpile a module and resolve its specifiers, reading its registry plan from the
	 * same tree when plans are read.
	 * @param source the module
	 * @return the analysis, with its plan or none
	 * @throws CompileProblemException as {@link #analyze(ModuleSource)} does
	 */
	Analyzed analyzeWithPlan(ModuleSource source) {
		Assert.notNull(source, "'source' must not be null");
		Swc4jMediaType mediaType = MEDIA_TYPES.get(source.extension());
		Assert.isTrue(mediaType != null, () -> "'source' " + source.path() + " is not a script module");
		String text = SourceText.decode(source);
		NestingCheck.check(source.path(), text, COMPONENT_EXTENSIONS.contains(source.extension()), this.maxNestingDepth)
			.ifPresent((problem) -> {
				throw new CompileProblemException(problem);
			});
		String url = this.urls.toUrl(source.path());
		Script output = compile(source.path(), text, mediaType, url);
		ModuleSyntax syntax = output.syntax().module();
		HotSyntax hotSyntax = output.syntax().hot();
		List<Rewrite> importSites = new ArrayList<>(syntax.imports().size());
		List<ModuleImport> imports = new ArrayList<>(syntax.imports().size());
		for (ImportSite site : syntax.imports()) {
			String resolved = resolve(source.path(), text, mediaType, url, site.specifier(),
					(parsed) -> ModuleSyntax.of(parsed).find(site.specifier()));
			importSites.add(new Rewrite(site, resolved));
			imports.add(new ModuleImport(site.specifier(), resolved, site.dynamic()));
		}
		List<Rewrite> acceptSites = new ArrayList<>(hotSyntax.acceptedDeps().size());
		for (ImportSite site : hotSyntax.acceptedDeps()) {
			String resolved = resolve(source.path(), text, mediaType, url, site.specifier(),
					(parsed) -> HotSyntax.of(parsed, false).find(site.specifier()));
			acceptSites.add(new Rewrite(site, resolved));
		}
		boolean autoAccept = this.hot && hotSyntax.canAcceptItself() && !hotSyntax.selfAccepts();
		HotFeatures features = hotSyntax.features(acceptSites.stream().map(Rewrite::url).distinct().toList(),
				autoAccept);
		Map<String, String> resolved = new HashMap<>();
		imports.forEach((moduleImport) -> resolved.put(moduleImport.specifier(), moduleImport.url()));
		ModuleLinks links = ModuleLinks.of(output.syntax().names(), resolved);
		return new Analyzed(new ModuleAnalysis(source.path(), url, text, output.code(), output.sourceMap(), importSites,
				imports, acceptSites, syntax.exports(), features, autoAccept, links), output.registry());
	}

	/**
	 * An analysis and the registry plan read from the same tree.
	 *
	 * @param analysis the analysis
	 * @param plan the plan, or {@code null} when plans are not read or this one could not
	 * be (some JSX was not copied once, whole; top-level await)
	 */
	record Analyzed(ModuleAnalysis analysis, @Nullable RegistryPlan plan) {
	}

	/**
	 * Whether the specifiers of an analysis made before (by another run, see
	 * {@link AnalysisCache}) still resolve to the URLs it holds: which files exist, the
	 * packages and the aliases may have changed since.
	 * @param analysis the analysis
	 * @return whether every import and accepted dependency resolves as it did
	 */
	boolean resolvesAsBefore(ModuleAnalysis analysis) {
		return resolvesAsBefore(analysis.path(), resolvedSpecifiers(analysis));
	}

	/**
	 * Whether specifiers of a module still resolve to the URLs they resolved to before.
	 * @param path the module's path
	 * @param resolved its specifiers with the URLs they resolved to
	 * @return whether every one resolves as it did
	 */
	boolean resolvesAsBefore(String path, List<ResolvedSpecifier> resolved) {
		try {
			for (ResolvedSpecifier specifier : resolved) {
				if (!this.resolver.resolve(path, specifier.specifier()).equals(specifier.url())) {
					return false;
				}
			}
			return true;
		}
		catch (UnresolvedImportException ex) {
			return false;
		}
	}

	/**
	 * The specifiers of an analysis with the URLs they resolved to: its imports and its
	 * accepted dependencies.
	 * @param analysis the analysis
	 * @return the specifiers
	 */
	static List<ResolvedSpecifier> resolvedSpecifiers(ModuleAnalysis analysis) {
		List<ResolvedSpecifier> resolved = new ArrayList<>(analysis.imports().size() + analysis.acceptSites().size());
		for (ModuleImport moduleImport : analysis.imports()) {
			resolved.add(new ResolvedSpecifier(moduleImport.specifier(), moduleImport.url()));
		}
		for (Rewrite site : analysis.acceptSites()) {
			resolved.add(new ResolvedSpecifier(site.site().specifier(), site.url()));
		}
		return resolved;
	}

	/**
	 * The text of a module as the analysis holds it.
	 * @param source the module
	 * @return its decoded source
	 */
	static String text(ModuleSource source) {
		return SourceText.decode(source);
	}

	/**
	 * Compile a module to its served code, with the facts read from its syntax tree. A
	 * module that may have JSX is transpiled with its JSX kept, and the JSX compiled by
	 * {@link JsxTransform} in the code swc generated, whose tree (parsed once) gives the
	 * facts; any other is transpiled, and its code parsed for them.
	 */
	private Script compile(String path, String text, Swc4jMediaType mediaType, String url) {
		boolean mayHaveComponents = COMPONENT_EXTENSIONS.contains(ModulePaths.extension(path));
		// Without a '<' there is no JSX.
		boolean plans = this.registryPlans;
		if ((mediaType != Swc4jMediaType.Tsx && mediaType != Swc4jMediaType.Jsx) || text.indexOf('<') < 0) {
			Swc4jTranspileOutput output = this.swc.transpile(path, text, mediaType, url);
			ISwc4jAstProgram<?> program = this.swc.parse(output.getCode(), Swc4jMediaType.JavaScript, url, plans)
				.getProgram();
			return new Script(output.getCode(), output.getSourceMap(), ScriptSyntax.of(program, mayHaveComponents),
					plans ? plan(output.getCode(), program) : null);
		}
		Swc4jTranspileOutput generated = this.swc.transpileKeepingJsx(path, text, mediaType, url);
		String code = generated.getCode();
		ISwc4jAstProgram<?> program = this.swc.parse(code, Swc4jMediaType.Jsx, url, plans).getProgram();
		Optional<JsxOutput> jsx;
		try {
			jsx = JsxTransform.transform(code, program);
		}
		catch (RuntimeException ex) {
			// Problems are reported at their place in the source, which the compile of
			// the source's own JSX finds.
			return compileSourceJsx(path, text, mediaType, url);
		}
		if (jsx.isEmpty()) {
			return new Script(code, generated.getSourceMap(), ScriptSyntax.of(program, mayHaveComponents),
					plans ? plan(code, program) : null);
		}
		String written = jsx.get().code();
		Optional<ScriptSyntax> syntax = ScriptSyntax.throughJsx(program, code, jsx.get());
		RegistryPlan plan = null;
		if (syntax.isEmpty()) {
			try {
				ISwc4jAstProgram<?> writtenProgram = this.swc.parse(written, Swc4jMediaType.JavaScript, url, plans)
					.getProgram();
				syntax = Optional.of(ScriptSyntax.of(writtenProgram, mayHaveComponents));
				plan = plans ? plan(written, writtenProgram) : null;
			}
			catch (IllegalStateException ex) {
				return compileSourceJsx(path, text, mediaType, url);
			}
		}
		else if (plans) {
			plan = planThroughJsx(code, program, jsx.get());
		}
		return new Script(written, JsxSourceMap.compose(generated.getSourceMap(), code, jsx.get().positions(), written),
				syntax.get(), plan);
	}

	/**
	 * Read the registry plan of an analysis made without one (kept from an earlier run,
	 * or made before plans were read) from a parse of its code.
	 * @param analysis the analysis
	 * @return the plan, or {@code null} if the module cannot be written in registry form
	 */
	@Nullable RegistryPlan registryPlan(ModuleAnalysis analysis) {
		return plan(analysis.code(),
				this.swc.parse(analysis.code(), Swc4jMediaType.JavaScript, analysis.url(), true).getProgram());
	}

	/**
	 * Read the registry plan of code from its tree, parsed with scope analysis.
	 * @return the plan, or {@code null} when the module cannot be written in registry
	 * form (its registry form is then asked for by parsing the served code, which says
	 * why)
	 */
	private static @Nullable RegistryPlan plan(String code, ISwc4jAstProgram<?> program) {
		if (!(program instanceof Swc4jAstModule module)) {
			return null;
		}
		try {
			return RegistryPlan.read(code, module);
		}
		catch (RegistryFormException ex) {
			return null;
		}
	}

	/**
	 * Read the registry plan of the code the JSX transform wrote from the tree of the
	 * code it compiled: everything the plan changes outside JSX was copied as it is.
	 */
	private static @Nullable RegistryPlan planThroughJsx(String compiled, ISwc4jAstProgram<?> program, JsxOutput jsx) {
		RegistryPlan plan = plan(compiled, program);
		return (plan != null)
				? plan.throughJsx(jsx.positions()::toWritten, jsx.code(), JsxTransform.HELPERS_MODULE, jsx.helpers())
				: null;
	}

	/**
	 * Compile the JSX of a module in its source, then transpile the result and parse the
	 * code for the facts: slower (swc parses three times), but every problem of the JSX
	 * is found at its place in the source.
	 */
	private Script compileSourceJsx(String path, String text, Swc4jMediaType mediaType, String url) {
		Transpiled output = transpileSourceJsx(path, text, mediaType, url);
		boolean plans = this.registryPlans;
		ISwc4jAstProgram<?> program = this.swc.parse(output.code(), Swc4jMediaType.JavaScript, url, plans).getProgram();
		return new Script(output.code(), output.sourceMap(), ScriptSyntax.of(program, true),
				plans ? plan(output.code(), program) : null);
	}

	private Transpiled transpileSourceJsx(String path, String text, Swc4jMediaType mediaType, String url) {
		ISwc4jAstProgram<?> program = this.swc.parseSource(path, text, mediaType, url).getProgram();
		Optional<JsxOutput> jsx;
		try {
			jsx = JsxTransform.transform(text, program);
		}
		catch (JsxProblemException ex) {
			throw new CompileProblemException(
					CompileProblems.jsx(path, text, ex.getMessage(), ex.getLine(), ex.getColumn()));
		}
		catch (RuntimeException ex) {
			// A bug of the transform, not of the module: say so rather than fail the
			// request.
			throw new CompileProblemException(CompileProblems.jsx(path, text,
					"Velocity could not compile the JSX of this module (" + ex + "); please report it", 0, 0));
		}
		if (jsx.isEmpty()) {
			return Transpiled.of(this.swc.transpile(path, text, mediaType, url));
		}
		JsxPositions positions = jsx.get().positions();
		Swc4jTranspileOutput output;
		try {
			output = this.swc.transpile(path, jsx.get().code(), mediaType, url);
		}
		catch (CompileProblemException ex) {
			// The source parsed, so the generated code is at fault: point at the JSX it
			// came from.
			CompileProblem problem = ex.getProblem();
			long at = positions.toSource(Math.max(problem.line() - 1, 0), Math.max(problem.column() - 1, 0));
			throw new CompileProblemException(CompileProblems.jsx(path, text,
					"Velocity generated invalid code for this JSX (" + problem.message() + "); please report it",
					JsxPositions.line(at) + 1, JsxPositions.column(at) + 1));
		}
		return new Transpiled(output.getCode(),
				SourceMapMappings.remapSourceMap(output.getSourceMap(), positions::toSource));
	}

	/**
	 * Load swc4j's native library and analyse a small TSX module, so that the first real
	 * request does not pay for either.
	 */
	void warmUp() {
		compile("__warm-up.tsx", WARM_UP_SOURCE, Swc4jMediaType.Tsx, "/__velocity/warm-up.tsx");
	}

	/**
	 * Find where a module takes a name from a specifier, in its original source: parsed
	 * again, as this is only asked for a problem.
	 * @param analysis the module
	 * @param specifier the specifier
	 * @param name the name taken
	 * @return the 1-based line and column, or zeros
	 */
	int[] locateImportedName(ModuleAnalysis analysis, String specifier, String name) {
		Swc4jMediaType mediaType = MEDIA_TYPES.get(ModulePaths.extension(analysis.path()));
		ISwc4jAstProgram<?> program = this.swc.parse(analysis.text(), mediaType, analysis.url()).getProgram();
		return ImportedNames.of(program)
			.find(specifier, name)
			.map((span) -> new int[] { span.getLine(), span.getColumn() })
			.orElse(new int[] { 0, 0 });
	}

	/**
	 * Read the names a browser module of the runtime exports, with those it re-exports
	 * from its siblings.
	 * @param code the module's code
	 * @param url its URL
	 * @return its own exports and the URLs of the modules it re-exports everything of
	 */
	RuntimeModule runtimeModule(String code, String url) {
		ISwc4jAstProgram<?> program = this.swc.parse(code, Swc4jMediaType.JavaScript, url).getProgram();
		String directory = url.substring(0, url.lastIndexOf('/') + 1);
		List<String> stars = ImportedNames.of(program)
			.starSources()
			.stream()
			.map((specifier) -> directory + specifier.substring(specifier.lastIndexOf('/') + 1))
			.toList();
		return new RuntimeModule(ModuleSyntax.of(program).exports(), stars);
	}

	/**
	 * The exports of a runtime module.
	 *
	 * @param exports its own exported names
	 * @param starUrls the modules it re-exports everything of
	 */
	record RuntimeModule(List<String> exports, List<String> starUrls) {
	}

	private String resolve(String path, String text, Swc4jMediaType mediaType, String url, String specifier,
			Function<ISwc4jAstProgram<?>, Optional<ImportSite>> locator) {
		try {
			return this.resolver.resolve(path, specifier);
		}
		catch (UnresolvedImportException ex) {
			// Rare, so the source is parsed again only now, to point at the specifier.
			Optional<ImportSite> site = locator.apply(this.swc.parse(text, mediaType, url).getProgram());
			int line = site.map((found) -> found.span().getLine()).orElse(0);
			int column = site.map((found) -> found.span().getColumn()).orElse(0);
			throw new CompileProblemException(
					CompileProblems.unresolvedImport(path, text, specifier, ex.getMessage(), line, column));
		}
	}

	/**
	 * Served code (before its imports are rewritten), its source map, whose source is the
	 * module's source, and the facts read from its syntax tree.
	 */
	private record Script(String code, String sourceMap, ScriptSyntax syntax, @Nullable RegistryPlan registry) {
	}

	/**
	 * Generated code and its source map, whose source is the module's source.
	 */
	private record Transpiled(String code, String sourceMap) {

		static Transpiled of(Swc4jTranspileOutput output) {
			return new Transpiled(output.getCode(), output.getSourceMap());
		}

	}

}

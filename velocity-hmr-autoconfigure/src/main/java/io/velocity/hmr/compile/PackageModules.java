package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstProgram;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstScript;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.bundle.BundleException;
import io.velocity.hmr.bundle.PackageBundler;
import io.velocity.hmr.compile.ModuleSyntax.ImportSite;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolutionException;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PackageUrls;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSource;

import org.springframework.util.Assert;

/**
 * Compiles the modules of packages for the browser: an ES module has its specifiers
 * rewritten to the versioned URLs of the files they resolve to, and nothing else changes;
 * a CommonJS module is wrapped as an ES module ({@link CommonJsModules}). With a
 * {@link PackageBundler}, an entry is first bundled with the package's own modules. A
 * package never changes while the application runs, so each module is compiled once and
 * kept; packages take no part in hot updates.
 * <p>
 * Safe for concurrent use.
 */
public final class PackageModules {

	private static final String NODE_ENV = "process.env.NODE_ENV";

	private final PackageResolver resolver;

	private final @Nullable PackageBundler bundler;

	private final boolean development;

	private final SwcTranspiler swc = new SwcTranspiler();

	private final ConcurrentMap<String, String> compiled = new ConcurrentHashMap<>();

	private final String nodeEnv;

	private final ImportMetaEnv env;

	/**
	 * Create a new instance.
	 * @param resolver resolves the packages' own imports
	 * @param bundler pre-bundles entries, or {@code null} to serve every module as it is
	 * @param development whether CommonJS code sees {@code NODE_ENV} as
	 * {@code development}
	 */
	public PackageModules(PackageResolver resolver, @Nullable PackageBundler bundler, boolean development) {
		this(resolver, bundler, development, ImportMetaEnv.of(development, "/", Map.of()));
	}

	/**
	 * Create a new instance.
	 * @param resolver resolves the packages' own imports
	 * @param bundler pre-bundles entries, or {@code null} to serve every module as it is
	 * @param development whether {@code NODE_ENV} is {@code development}
	 * @param env what {@code import.meta.env} holds, for packages written for Vite
	 */
	public PackageModules(PackageResolver resolver, @Nullable PackageBundler bundler, boolean development,
			ImportMetaEnv env) {
		Assert.notNull(resolver, "'resolver' must not be null");
		Assert.notNull(env, "'env' must not be null");
		this.resolver = resolver;
		this.bundler = bundler;
		this.development = development;
		this.env = env;
		this.nodeEnv = JsonStrings.quote(development ? "development" : "production");
	}

	/**
	 * Whether a package file is a script, compiled by {@link #compile(PackageFile)}.
	 * @param file the file
	 * @return whether it is a script
	 */
	public static boolean isScript(PackageFile file) {
		return switch (file.extension()) {
			case "js", "mjs", "cjs" -> true;
			default -> false;
		};
	}

	/**
	 * Return the URL an import of a package's file loads: a script's own URL, else the
	 * URL with {@code ?import} for the module that stands for the file.
	 * @param file the file
	 * @return the URL
	 */
	public static String importUrl(PackageFile file) {
		String url = PackageUrls.url(file);
		return isScript(file) ? url : url + "?" + ModuleCompiler.STYLE_IMPORT_QUERY;
	}

	/**
	 * Compile a script of a package.
	 * @param file the script
	 * @return the served code
	 * @throws CompileProblemException if it has a syntax error, imports what cannot be
	 * resolved, or cannot be bundled
	 */
	public String compile(PackageFile file) {
		String key = file.toString();
		String code = this.compiled.get(key);
		if (code == null) {
			code = doCompile(file);
			this.compiled.putIfAbsent(key, code);
		}
		return code;
	}

	/**
	 * Write the module that an import of a package's other file loads: JSON as its value,
	 * a style sheet as the module that injects it, anything else as its URL.
	 * @param file the file
	 * @return the served code
	 * @throws CompileProblemException if a JSON file is not JSON
	 */
	public String importModule(PackageFile file) {
		String url = PackageUrls.url(file);
		byte[] content = file.pkg().files().read(file.path()).orElse(new byte[0]);
		if (file.extension().equals("json")) {
			return AssetModules.json(file.toString(), new String(content, StandardCharsets.UTF_8));
		}
		if (ModuleKind.of(file.path()) == ModuleKind.STYLE_SHEET) {
			StyleModules styles = new StyleModules(false);
			AnalyzedModule sheet = styles.analyze(new ModuleSource(file.path(), content, null), url);
			return styles.emit(sheet, List.of()).code();
		}
		return AssetModules.url(url);
	}

	private String doCompile(PackageFile file) {
		String text = SourceText.decode(new ModuleSource(file.path(), read(file), null));
		String url = PackageUrls.url(file);
		Parsed parsed = parse(file, text, url, true);
		if (parsed.commonJs() != null) {
			CommonJsSyntax syntax = parsed.commonJs();
			Map<String, String> requires = new LinkedHashMap<>();
			for (String specifier : syntax.requires()) {
				requires.put(specifier, resolve(file, text, specifier, null));
			}
			return CommonJsModules.write(text, requires, syntax.exports(), this.development);
		}
		ModuleSyntax syntax = parsed.module();
		if (this.bundler != null && syntax.imports().stream().anyMatch(PackageModules::isInternal)) {
			Optional<String> bundle;
			try {
				bundle = this.bundler.bundle(file);
			}
			catch (BundleException ex) {
				throw new CompileProblemException(new CompileProblem(file.toString(), 0, 0,
						"Cannot bundle " + file + ": " + ex.getMessage(), ""));
			}
			if (bundle.isPresent()) {
				return rewrite(file, bundle.get(), parse(file, bundle.get(), url, false).module());
			}
		}
		return rewrite(file, text, syntax);
	}

	/**
	 * Parse a module and read its syntax on a compile thread: swc parses by recursion on
	 * the native stack of the thread that calls it, and the syntax is read by recursion
	 * over the tree, so deeply nested code would crash the JVM (or overflow the stack) on
	 * a request's thread. The bundling in between runs on the caller's.
	 */
	private Parsed parse(PackageFile file, String code, String url, boolean mayBeCommonJs) {
		return CompileThreads.run(file.toString(), CompileLimits.DEFAULT.timeout(), () -> {
			ISwc4jAstProgram<?> program = this.swc.parseProgram(file.toString(), code, url).getProgram();
			if (mayBeCommonJs && isCommonJs(file, program)) {
				return new Parsed(CommonJsSyntax.of(program), null);
			}
			return new Parsed(null, ModuleSyntax.of(program));
		});
	}

	// A static import of the package's own module, which a bundle inlines.
	private static boolean isInternal(ImportSite site) {
		return !site.dynamic() && (site.specifier().startsWith("./") || site.specifier().startsWith("../"));
	}

	private boolean isCommonJs(PackageFile file, ISwc4jAstProgram<?> program) {
		if (file.extension().equals("cjs")) {
			return true;
		}
		if (file.extension().equals("mjs") || !(program instanceof Swc4jAstScript)) {
			return false;
		}
		return !file.pkg().manifest().module() && CommonJsSyntax.of(program).usesCommonJs();
	}

	private String rewrite(PackageFile file, String code, ModuleSyntax syntax) {
		StringBuilder result = new StringBuilder(code.length() + 64 * syntax.imports().size());
		int copied = 0;
		for (ImportSite site : syntax.imports()) {
			int start = SourceText.index(code, site.span().getStart());
			int end = SourceText.index(code, site.span().getEnd());
			String specifier = site.specifier();
			String url = (specifier.startsWith("/") || ImportResolver.hasScheme(specifier)) ? specifier
					: resolve(file, code, specifier, site);
			result.append(code, copied, start).append(JsonStrings.quote(url));
			copied = end;
		}
		result.append(code, copied, code.length());
		// As bundlers define it: browser builds of packages still test it, and a browser
		// has no process. Replaced last, as the import sites are counted in the original.
		String rewritten = result.toString().replace(NODE_ENV, this.nodeEnv);
		return this.env.prelude(rewritten) + rewritten;
	}

	private String resolve(PackageFile file, String code, String specifier, @Nullable ImportSite site) {
		try {
			return importUrl(this.resolver.resolve(specifier, file));
		}
		catch (PackageResolutionException ex) {
			int line = (site != null) ? site.span().getLine() : 0;
			int column = (site != null) ? site.span().getColumn() : 0;
			throw new CompileProblemException(
					CompileProblems.unresolvedImport(file.toString(), code, specifier, ex.getMessage(), line, column));
		}
	}

	private static byte[] read(PackageFile file) {
		Optional<byte[]> content = file.pkg().files().read(file.path());
		return content.orElseThrow(() -> new CompileProblemException(
				new CompileProblem(file.toString(), 0, 0, file + " is no longer in its package", "")));
	}

	/**
	 * A parsed module: the syntax of CommonJS or of an ES module.
	 */
	private record Parsed(@Nullable CommonJsSyntax commonJs, @Nullable ModuleSyntax module) {

	}

}

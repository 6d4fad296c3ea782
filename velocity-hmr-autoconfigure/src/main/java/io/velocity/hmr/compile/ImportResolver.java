package io.velocity.hmr.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModulePaths;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Resolves import specifiers to the URLs the browser requests, the way Vite does for
 * sources (there is no {@code node_modules} resolution):
 * <ul>
 * <li>{@code velocity}, {@code velocity/web}, {@code velocity/store} and
 * {@code velocity/jsx-runtime} name the Velocity runtime modules, and so do Solid's
 * {@code solid-js}, {@code solid-js/web} and {@code solid-js/store}, so that Solid code
 * runs unchanged;</li>
 * <li>URL paths ({@code /lib.js}) and full URLs ({@code https://…}) stay as written;</li>
 * <li>relative specifiers resolve against the importing module: the exact file, then a
 * TypeScript file for a {@code .js}/{@code .jsx} specifier, then the specifier with each
 * of {@link #EXTENSIONS}, then a directory index with each of them. The order is
 * TypeScript's own, so the server picks the file the editor shows;</li>
 * <li>any other bare specifier is a {@code tsconfig.json} path alias or names a package,
 * as {@link PackageImports} resolves it.</li>
 * </ul>
 * A query or fragment on a relative specifier ({@code ./icon.svg?raw}) is kept. A style
 * sheet, JSON file or other asset imported without a query, relative or by its path under
 * the module prefix, is asked for as a module: {@code ./x.css} resolves to
 * {@code /frontend/x.css?import} (see {@link ModuleCompiler#STYLE_IMPORT_QUERY}).
 */
final class ImportResolver {

	/**
	 * File name extensions tried, in order, for a relative specifier without one.
	 */
	static final List<String> EXTENSIONS = List.of(".ts", ".tsx", ".js", ".jsx", ".mjs");

	private static final Map<String, String> RUNTIME_MODULES = Map.of("velocity", ModuleUrls.RUNTIME_URL,
			"velocity/jsx-runtime", ModuleUrls.JSX_RUNTIME_URL, "velocity/web", ModuleUrls.WEB_URL, "velocity/store",
			ModuleUrls.STORE_URL, "solid-js", ModuleUrls.RUNTIME_URL, "solid-js/web", ModuleUrls.WEB_URL,
			"solid-js/store", ModuleUrls.STORE_URL);

	private final ModuleSources sources;

	private final ModuleUrls urls;

	private final PackageImports packages;

	ImportResolver(ModuleSources sources, ModuleUrls urls) {
		this(sources, urls, PackageImports.NONE);
	}

	ImportResolver(ModuleSources sources, ModuleUrls urls, PackageImports packages) {
		this.sources = sources;
		this.urls = urls;
		this.packages = packages;
	}

	/**
	 * Resolve a specifier.
	 * @param importer the path of the importing module
	 * @param specifier the specifier as written
	 * @return the URL to import
	 * @throws UnresolvedImportException if the specifier names no module
	 */
	String resolve(String importer, String specifier) throws UnresolvedImportException {
		String runtime = RUNTIME_MODULES.get(specifier);
		if (runtime != null) {
			return runtime;
		}
		if (specifier.startsWith("/") && this.urls.toPath(specifier).isPresent()) {
			return asModule(specifier);
		}
		if (specifier.startsWith("/") || hasScheme(specifier)) {
			return specifier;
		}
		if (isRelative(specifier)) {
			return resolveRelative(importer, specifier);
		}
		Optional<String> aliased = resolveAlias(specifier);
		return aliased.isPresent() ? aliased.get() : this.packages.resolve(importer, specifier, this.sources.roots());
	}

	// As TypeScript: an alias whose targets hold no file leaves the specifier to package
	// resolution ("*": ["./target/velocity-types/node_modules/*"] is for the editor).
	private Optional<String> resolveAlias(String specifier) {
		int suffixStart = suffixStart(specifier);
		for (String target : this.packages.aliased(specifier.substring(0, suffixStart))) {
			Optional<String> found = ModulePaths.safe(target).flatMap(this::find);
			if (found.isPresent()) {
				String url = this.urls.toUrl(found.get());
				return Optional
					.of((suffixStart == specifier.length()) ? asModule(url) : url + specifier.substring(suffixStart));
			}
		}
		return Optional.empty();
	}

	private String resolveRelative(String importer, String specifier) throws UnresolvedImportException {
		int suffixStart = suffixStart(specifier);
		String suffix = specifier.substring(suffixStart);
		String target = join(importer, specifier.substring(0, suffixStart))
			.orElseThrow(() -> new UnresolvedImportException("it points outside the front-end source roots"));
		return find(target).map(this.urls::toUrl)
			.map((url) -> suffix.isEmpty() ? asModule(url) : url + suffix)
			.orElseThrow(() -> new UnresolvedImportException("no such file (tried " + target + ", " + target
					+ String.join(", " + target, EXTENSIONS) + " and " + target + "/index.*)"));
	}

	// A style sheet's own URL serves the sheet, a JSON file or an image its bytes; an
	// import needs the module that stands for it.
	private static String asModule(String url) {
		return ModuleKind.of(url) != ModuleKind.SCRIPT ? url + "?" + ModuleCompiler.STYLE_IMPORT_QUERY : url;
	}

	private Optional<String> find(String target) {
		if (this.sources.exists(target)) {
			return Optional.of(target);
		}
		for (String candidate : typeScriptCandidates(target)) {
			if (this.sources.exists(candidate)) {
				return Optional.of(candidate);
			}
		}
		for (String extension : EXTENSIONS) {
			if (this.sources.exists(target + extension)) {
				return Optional.of(target + extension);
			}
		}
		for (String extension : EXTENSIONS) {
			String index = target + "/index" + extension;
			if (this.sources.exists(index)) {
				return Optional.of(index);
			}
		}
		return Optional.empty();
	}

	// TypeScript lets './utils.js' name utils.ts, as the file is called once compiled.
	private static List<String> typeScriptCandidates(String target) {
		if (target.endsWith(".js")) {
			String stem = target.substring(0, target.length() - 3);
			return List.of(stem + ".ts", stem + ".tsx");
		}
		if (target.endsWith(".jsx")) {
			return List.of(target.substring(0, target.length() - 4) + ".tsx");
		}
		return List.of();
	}

	private static Optional<String> join(String importer, String relative) {
		return ModulePaths.resolveSibling(importer, relative).flatMap(ModulePaths::safe);
	}

	private static boolean isRelative(String specifier) {
		return specifier.equals(".") || specifier.equals("..") || specifier.startsWith("./")
				|| specifier.startsWith("../");
	}

	/**
	 * Whether a reference starts with a URL scheme ({@code https:}, {@code data:} …).
	 */
	static boolean hasScheme(String specifier) {
		int colon = specifier.indexOf(':');
		if (colon < 1 || !Character.isLetter(specifier.charAt(0))) {
			return false;
		}
		for (int i = 1; i < colon; i++) {
			char ch = specifier.charAt(i);
			if (!Character.isLetterOrDigit(ch) && ch != '+' && ch != '-' && ch != '.') {
				return false;
			}
		}
		return true;
	}

	private static int suffixStart(String specifier) {
		for (int i = 0; i < specifier.length(); i++) {
			char ch = specifier.charAt(i);
			if (ch == '?' || ch == '#') {
				return i;
			}
		}
		return specifier.length();
	}

	/**
	 * Thrown when a specifier names no module; the message says why.
	 */
	static final class UnresolvedImportException extends Exception {

		UnresolvedImportException(String reason) {
			super(reason, null, false, false);
		}

	}

}

package io.velocity.hmr.compile;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A front-end module compiled to a browser ES module, written for one set of
 * {@link ModuleVersions}.
 *
 * @param module the analysed module the code was written from: its path, URL, imports,
 * exports and hot features
 * @param code the JavaScript, with imports rewritten to URLs and an inline source map
 * @param hash a hash of the served code, which changes whenever the code does; usable as
 * the HTTP entity tag
 * @param writtenImportUrls every import specifier exactly as it is written in the code,
 * with its version, in the order of the code: those of {@code imports}, then, in hot
 * mode, those of the client modules the compiler added. Code evaluated from elsewhere
 * than its URL (a {@code blob:} URL, say) needs exactly these strings made absolute
 */
public record CompiledModule(AnalyzedModule module, String code, String hash, List<String> writtenImportUrls) {

	public CompiledModule {
		Assert.notNull(module, "'module' must not be null");
		Assert.notNull(code, "'code' must not be null");
		Assert.hasText(hash, "'hash' must not be empty");
		writtenImportUrls = List.copyOf(writtenImportUrls);
	}

	/**
	 * The module path relative to its source root.
	 * @return the path
	 */
	public String path() {
		return this.module.path();
	}

	/**
	 * The URL the module is served under.
	 * @return the URL
	 */
	public String url() {
		return this.module.url();
	}

	/**
	 * The static and dynamic imports, in source order.
	 * @return the imports
	 * @see AnalyzedModule#imports()
	 */
	public List<ModuleImport> imports() {
		return this.module.imports();
	}

	/**
	 * The names the module exports.
	 * @return the names
	 */
	public List<String> exports() {
		return this.module.exports();
	}

	/**
	 * What the module says about hot module replacement.
	 * @return the features
	 */
	public HotFeatures hot() {
		return this.module.hot();
	}

}

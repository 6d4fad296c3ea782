package io.velocity.hmr.compile;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A front-end module compiled to a browser ES module.
 *
 * @param path the module path relative to its source root
 * @param url the URL the module is served under
 * @param code the JavaScript, with imports rewritten to URLs and an inline source map
 * @param hash a hash of the served code, which changes whenever the code does; usable as
 * the HTTP entity tag
 * @param imports the static and dynamic imports, in source order; the imports that hot
 * mode adds for its own client modules are not among them, as those are not part of the
 * application's module graph
 * @param exports the names the module exports ({@code default} for a default export)
 * @param writtenImportUrls every import specifier exactly as it is written in the code,
 * after the import URL customizer, in the order of the code: those of {@code imports},
 * then, in hot mode, those of the client modules the compiler added. Code evaluated from
 * elsewhere than its URL (a {@code blob:} URL, say) needs exactly these strings made
 * absolute
 * @param hot what the module says about hot module replacement
 */
public record CompiledModule(String path, String url, String code, String hash, List<ModuleImport> imports,
		List<String> exports, List<String> writtenImportUrls, HotFeatures hot) {

	public CompiledModule {
		Assert.hasText(path, "'path' must not be empty");
		Assert.hasText(url, "'url' must not be empty");
		Assert.notNull(code, "'code' must not be null");
		Assert.hasText(hash, "'hash' must not be empty");
		Assert.notNull(hot, "'hot' must not be null");
		imports = List.copyOf(imports);
		exports = List.copyOf(exports);
		writtenImportUrls = List.copyOf(writtenImportUrls);
	}

	/**
	 * Create a module that takes no part in hot updates, with its import URLs written as
	 * they were resolved.
	 * @param path the module path relative to its source root
	 * @param url the URL the module is served under
	 * @param code the JavaScript
	 * @param hash a hash of the served code
	 * @param imports the static and dynamic imports, in source order
	 * @param exports the names the module exports
	 */
	public CompiledModule(String path, String url, String code, String hash, List<ModuleImport> imports,
			List<String> exports) {
		this(path, url, code, hash, imports, exports, imports.stream().map(ModuleImport::url).toList(),
				HotFeatures.NONE);
	}

}

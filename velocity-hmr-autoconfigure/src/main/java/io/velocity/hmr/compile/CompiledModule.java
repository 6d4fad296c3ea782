package io.velocity.hmr.compile;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A front-end module compiled to a browser ES module.
 *
 * @param path the module path relative to its source root
 * @param url the URL the module is served under
 * @param code the JavaScript, with imports rewritten to URLs and an inline source map
 * @param hash a hash of the served code, which changes whenever the code does; usable
 * as the HTTP entity tag
 * @param imports the static and dynamic imports, in source order
 * @param exports the names the module exports ({@code default} for a default export)
 */
public record CompiledModule(String path, String url, String code, String hash, List<ModuleImport> imports,
		List<String> exports) {

	public CompiledModule {
		Assert.hasText(path, "'path' must not be empty");
		Assert.hasText(url, "'url' must not be empty");
		Assert.notNull(code, "'code' must not be null");
		Assert.hasText(hash, "'hash' must not be empty");
		imports = List.copyOf(imports);
		exports = List.copyOf(exports);
	}

}

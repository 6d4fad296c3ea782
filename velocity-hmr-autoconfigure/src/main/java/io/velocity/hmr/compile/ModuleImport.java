package io.velocity.hmr.compile;

import org.springframework.util.Assert;

/**
 * One import of a compiled module, as found in its syntax tree.
 *
 * @param specifier the specifier as written in the source, such as {@code ./Counter}
 * @param url the URL the specifier was rewritten to, such as
 * {@code /frontend/Counter.tsx} or {@code /__velocity/runtime.js}
 * @param dynamic whether this is a dynamic {@code import()} rather than a static import
 * or re-export
 */
public record ModuleImport(String specifier, String url, boolean dynamic) {

	public ModuleImport {
		Assert.hasText(specifier, "'specifier' must not be empty");
		Assert.hasText(url, "'url' must not be empty");
	}

}

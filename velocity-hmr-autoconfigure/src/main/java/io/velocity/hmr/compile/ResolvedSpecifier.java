package io.velocity.hmr.compile;

import org.springframework.util.Assert;

/**
 * A specifier of an analysed module with the URL it resolved to: what a form derived from
 * the analysis (a page's kept bundle, say) depends on beside the module's source, since
 * which files exist, the packages and the aliases can change how it resolves.
 *
 * @param specifier the specifier as written in the source, such as {@code ./Counter}
 * @param url the URL it resolved to
 * @see CompileService#resolvesAsBefore(String, java.util.List)
 */
public record ResolvedSpecifier(String specifier, String url) {

	public ResolvedSpecifier {
		Assert.hasText(specifier, "'specifier' must not be empty");
		Assert.hasText(url, "'url' must not be empty");
	}

}

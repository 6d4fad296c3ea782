package io.velocity.hmr.source;

import java.util.Optional;

import org.springframework.util.Assert;

/**
 * Maps module paths to the URLs they are served under and back, for example
 * {@code components/Counter.tsx} to {@code /frontend/components/Counter.tsx}.
 *
 * @param prefix the URL path the modules are served under, such as {@code /frontend}
 */
public record ModuleUrls(String prefix) {

	/**
	 * URL of the Velocity runtime module, which the bare specifier {@code velocity}
	 * resolves to.
	 */
	public static final String RUNTIME_URL = "/__velocity/runtime.js";

	/**
	 * URL of the JSX runtime module that compiled JSX imports.
	 */
	public static final String JSX_RUNTIME_URL = "/__velocity/jsx-runtime.js";

	/**
	 * URL of the web layer of the runtime ({@code velocity/web}, {@code solid-js/web}),
	 * which compiled JSX imports its helpers from.
	 */
	public static final String WEB_URL = "/__velocity/web.js";

	/**
	 * URL of the store module ({@code velocity/store}, {@code solid-js/store}).
	 */
	public static final String STORE_URL = "/__velocity/store.js";

	public ModuleUrls {
		Assert.isTrue(prefix != null && prefix.startsWith("/") && !prefix.endsWith("/"),
				"'prefix' must start and not end with '/'");
	}

	/**
	 * Return the URL a module is served under.
	 * @param path the module path
	 * @return the URL
	 */
	public String toUrl(String path) {
		return this.prefix + "/" + path;
	}

	/**
	 * Return the safe module path of a URL under the prefix.
	 * @param url a decoded URL path such as {@code /frontend/App.tsx}
	 * @return the module path, or empty when the URL is not a safe module URL
	 */
	public Optional<String> toPath(String url) {
		if (url == null || !url.startsWith(this.prefix + "/")) {
			return Optional.empty();
		}
		return ModulePaths.safe(url.substring(this.prefix.length() + 1));
	}

}

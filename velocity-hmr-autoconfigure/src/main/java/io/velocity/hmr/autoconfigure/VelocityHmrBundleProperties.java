package io.velocity.hmr.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bundled development pages.
 */
@ConfigurationProperties("velocity.hmr.bundle")
public class VelocityHmrBundleProperties {

	/**
	 * Whether to serve each page's entry and its static import graph in one response, as
	 * modules of a registry, rather than as one request per module. Hot updates stay per
	 * module. A graph that cannot be bundled (top-level await) is served as native
	 * modules. On by default; {@code false} serves every page as native ES modules, one
	 * request per module.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}

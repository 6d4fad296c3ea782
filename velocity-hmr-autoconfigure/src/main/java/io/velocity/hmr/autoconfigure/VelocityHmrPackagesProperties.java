package io.velocity.hmr.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration properties for npm packages: mvnpm jars and WebJars on the classpath, a
 * project's node_modules, and their pre-bundling.
 *
 * @author Velocity HMR
 */
@ConfigurationProperties("velocity.hmr.packages")
public class VelocityHmrPackagesProperties {

	/**
	 * Whether bare imports resolve to npm packages and the packages are served.
	 */
	private boolean enabled = true;

	/**
	 * Whether packages are also looked for in node_modules directories, from the
	 * importing file's directory up, after the classpath.
	 */
	private boolean nodeModules = true;

	/**
	 * Whether package entries are pre-bundled with esbuild in development, when its
	 * platform jar (org.mvnpm.at.esbuild) is on the classpath.
	 */
	private boolean prebundle = true;

	/**
	 * Directory, relative to the working directory or absolute, that pre-bundled packages
	 * are kept in across restarts, by package version and entry.
	 */
	private String cacheDirectory = "target/velocity-packages";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isNodeModules() {
		return this.nodeModules;
	}

	public void setNodeModules(boolean nodeModules) {
		this.nodeModules = nodeModules;
	}

	public boolean isPrebundle() {
		return this.prebundle;
	}

	public void setPrebundle(boolean prebundle) {
		this.prebundle = prebundle;
	}

	public String getCacheDirectory() {
		return this.cacheDirectory;
	}

	public void setCacheDirectory(String cacheDirectory) {
		Assert.hasText(cacheDirectory, "'cacheDirectory' must not be empty");
		this.cacheDirectory = cacheDirectory;
	}

}

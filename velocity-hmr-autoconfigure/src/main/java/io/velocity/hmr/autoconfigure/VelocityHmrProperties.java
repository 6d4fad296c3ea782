package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.velocity.hmr.compile.CompileLimits;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.source.ServedFiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Velocity HMR.
 *
 * @author Velocity HMR
 */
@ConfigurationProperties("velocity.hmr")
public class VelocityHmrProperties {

	/**
	 * Whether hot module replacement (file watching, the /__hmr socket and the client
	 * script injection) is enabled. When not set, it is enabled when one of the
	 * 'profiles' is active.
	 */
	private Boolean enabled;

	/**
	 * Profiles that enable hot module replacement when 'enabled' is not set.
	 */
	private List<String> profiles = new ArrayList<>(List.of("dev"));

	/**
	 * URL path under which front-end modules are served.
	 */
	private String path = "/frontend";

	/**
	 * Directories, relative to the working directory or absolute, that hold the front-end
	 * sources in development. The first one that holds a file wins.
	 */
	private List<String> sourceRoots = new ArrayList<>(List.of("src/main/frontend"));

	/**
	 * Classpath location of the front-end sources in a packaged application, used when
	 * hot module replacement is off or no source root exists on disk.
	 */
	private String classpathLocation = "classpath:/frontend/";

	/**
	 * Host names, besides localhost, its subdomains, IP addresses and this machine's
	 * name, that the development endpoints answer to. A leading dot ('.example.com')
	 * allows the domain and its subdomains; '*' allows any host, and with it DNS
	 * rebinding attacks.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Extensions of the files, besides modules and style sheets, served from the source
	 * roots. Dot-files, key stores and configuration files are never served.
	 */
	private Set<String> assetTypes = new LinkedHashSet<>(new TreeSet<>(ServedFiles.DEFAULT_ASSET_TYPES));

	/**
	 * Directories of server-rendered pages (static HTML, templates) whose changes reload
	 * the open pages. In development they are also served straight from there, so an edit
	 * shows without a build.
	 */
	private List<String> reloadRoots = new ArrayList<>(
			List.of("src/main/resources/static", "src/main/resources/templates"));

	/**
	 * Directory that the TypeScript declarations of the runtime and of import.meta.hot
	 * are written to in development, for a tsconfig.json to include. Empty to not write
	 * them.
	 */
	private String typesDirectory = "target/velocity-types";

	/**
	 * Whether to show compile and runtime errors in an overlay in the page.
	 */
	private boolean overlay = true;

	/**
	 * Whether updates carry the time each stage took and the browser client exposes its
	 * state to scripts, for benchmarks and tests.
	 */
	private boolean debug;

	/**
	 * The tsconfig.json, relative to the working directory or absolute, whose
	 * compilerOptions.paths aliases resolve imports such as '@/store'.
	 */
	private String tsconfig = "tsconfig.json";

	/**
	 * Prefix of the Spring properties exposed to the browser as import.meta.env, with the
	 * prefix removed: 'velocity.hmr.env.API_URL' is import.meta.env.API_URL. Every
	 * browser can read them, so never put secrets under it.
	 */
	private String envPrefix = "velocity.hmr.env.";

	private final Watch watch = new Watch();

	private final Client client = new Client();

	private final Compiler compiler = new Compiler();

	private final Security security = new Security();

	public Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getProfiles() {
		return this.profiles;
	}

	public void setProfiles(List<String> profiles) {
		Assert.notNull(profiles, "'profiles' must not be null");
		this.profiles = profiles;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.notNull(path, "'path' must not be null");
		Assert.isTrue(path.length() > 1, "'path' must have length greater than 1");
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		Assert.isTrue(!path.endsWith("/"), "'path' must not end with '/'");
		Assert.isTrue(!path.startsWith("/__"), "'path' must not start with '/__' (reserved for Velocity HMR)");
		this.path = path;
	}

	public List<String> getSourceRoots() {
		return this.sourceRoots;
	}

	public void setSourceRoots(List<String> sourceRoots) {
		Assert.notNull(sourceRoots, "'sourceRoots' must not be null");
		this.sourceRoots = sourceRoots;
	}

	public String getClasspathLocation() {
		return this.classpathLocation;
	}

	public void setClasspathLocation(String classpathLocation) {
		Assert.hasText(classpathLocation, "'classpathLocation' must not be empty");
		this.classpathLocation = classpathLocation.endsWith("/") ? classpathLocation : classpathLocation + "/";
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		this.allowedHosts = allowedHosts;
	}

	public Set<String> getAssetTypes() {
		return this.assetTypes;
	}

	public void setAssetTypes(Set<String> assetTypes) {
		Assert.notNull(assetTypes, "'assetTypes' must not be null");
		this.assetTypes = assetTypes;
	}

	public List<String> getReloadRoots() {
		return this.reloadRoots;
	}

	public void setReloadRoots(List<String> reloadRoots) {
		Assert.notNull(reloadRoots, "'reloadRoots' must not be null");
		this.reloadRoots = reloadRoots;
	}

	public String getTypesDirectory() {
		return this.typesDirectory;
	}

	public void setTypesDirectory(String typesDirectory) {
		this.typesDirectory = typesDirectory;
	}

	public boolean isOverlay() {
		return this.overlay;
	}

	public void setOverlay(boolean overlay) {
		this.overlay = overlay;
	}

	public boolean isDebug() {
		return this.debug;
	}

	public void setDebug(boolean debug) {
		this.debug = debug;
	}

	public String getTsconfig() {
		return this.tsconfig;
	}

	public void setTsconfig(String tsconfig) {
		this.tsconfig = tsconfig;
	}

	public String getEnvPrefix() {
		return this.envPrefix;
	}

	public void setEnvPrefix(String envPrefix) {
		Assert.hasText(envPrefix, "'envPrefix' must not be empty");
		Assert.isTrue(envPrefix.endsWith("."), "'envPrefix' must end with '.'");
		this.envPrefix = envPrefix;
	}

	public Watch getWatch() {
		return this.watch;
	}

	public Client getClient() {
		return this.client;
	}

	public Compiler getCompiler() {
		return this.compiler;
	}

	public Security getSecurity() {
		return this.security;
	}

	/**
	 * File watching properties.
	 */
	public static class Watch {

		/**
		 * Amount of quiet time after the last file change before the changes are compiled
		 * and sent, so that a burst of saves becomes one update. Zero sends the changes
		 * that the watcher read together as soon as it has read them; a file caught empty
		 * mid-save is held back briefly either way.
		 */
		private Duration quietPeriod = Duration.ZERO;

		/**
		 * Additional Ant-style patterns, relative to a source root, of files and folders
		 * to ignore, such as 'generated' or 'legacy/**'. node_modules, .git, dist, target
		 * and editor temporary files are always ignored.
		 */
		private List<String> ignore = new ArrayList<>();

		public Duration getQuietPeriod() {
			return this.quietPeriod;
		}

		public void setQuietPeriod(Duration quietPeriod) {
			Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
			Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
			this.quietPeriod = quietPeriod;
		}

		public List<String> getIgnore() {
			return this.ignore;
		}

		public void setIgnore(List<String> ignore) {
			Assert.notNull(ignore, "'ignore' must not be null");
			this.ignore = ignore;
		}

	}

	/**
	 * Browser client properties.
	 */
	public static class Client {

		/**
		 * Host the client connects its socket to, for pages behind a reverse proxy.
		 * Defaults to the page's own host.
		 */
		private String host;

		/**
		 * Port the client connects its socket to, for pages behind a reverse proxy.
		 * Defaults to the page's own port.
		 */
		private Integer port;

		/**
		 * Additional origins, besides the application's own, allowed to open the HMR
		 * socket.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			Assert.isTrue(port == null || (port > 0 && port < 65536), "'port' must be between 1 and 65535");
			this.port = port;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			Assert.notNull(allowedOrigins, "'allowedOrigins' must not be null");
			this.allowedOrigins = allowedOrigins;
		}

	}

	/**
	 * Spring Security properties.
	 */
	public static class Security {

		/**
		 * Whether, with Spring Security on the classpath and hot module replacement
		 * active, a filter chain of the development endpoints (modules, client assets,
		 * packages, the socket) lets every request through, so that a page behind a login
		 * loads and hot-updates. Turn off to secure them with
		 * VelocityHmrRequest.toDevelopmentEndpoints() in your own configuration.
		 */
		private boolean permitDevEndpoints = true;

		public boolean isPermitDevEndpoints() {
			return this.permitDevEndpoints;
		}

		public void setPermitDevEndpoints(boolean permitDevEndpoints) {
			this.permitDevEndpoints = permitDevEndpoints;
		}

	}

	/**
	 * Compiler properties.
	 */
	public static class Compiler {

		/**
		 * Largest module source compiled; a larger one is a compile problem.
		 */
		private DataSize maxModuleSize = CompileLimits.DEFAULT.maxModuleSize();

		/**
		 * Deepest nesting of brackets, template literal expressions and JSX elements
		 * compiled; a module nested deeper is a compile problem.
		 */
		private int maxNestingDepth = CompileLimits.DEFAULT.maxNestingDepth();

		/**
		 * Amount of time a request or an update waits for one module to compile.
		 */
		private Duration timeout = CompileLimits.DEFAULT.timeout();

		/**
		 * Directory that swc's native library is copied to and loaded from. Must be owned
		 * (or creatable) by the application's user, on a file system that allows
		 * executing files. Defaults to 'velocity-hmr-<user>/swc4j' in java.io.tmpdir.
		 */
		private String nativeDirectory;

		/**
		 * Directory to keep the compiler's analyses of modules in across restarts, so
		 * that a restarted application serves its first page without compiling again what
		 * did not change. Empty to keep them in memory only.
		 */
		private String cacheDirectory = "target/velocity-compile-cache";

		/**
		 * Whether to compile a sample edit some hundred times once the application is
		 * ready, in quiet moments, so that the first saves of a session compile at the
		 * speed of later ones. Costs one to two seconds of CPU once per JVM.
		 */
		private boolean rehearseEdits = true;

		public boolean isRehearseEdits() {
			return this.rehearseEdits;
		}

		public void setRehearseEdits(boolean rehearseEdits) {
			this.rehearseEdits = rehearseEdits;
		}

		public String getCacheDirectory() {
			return this.cacheDirectory;
		}

		public void setCacheDirectory(String cacheDirectory) {
			this.cacheDirectory = cacheDirectory;
		}

		public String getNativeDirectory() {
			return this.nativeDirectory;
		}

		public void setNativeDirectory(String nativeDirectory) {
			this.nativeDirectory = nativeDirectory;
		}

		NativeLibrary nativeLibrary() {
			return new NativeLibrary(StringUtils.hasText(this.nativeDirectory) ? Path.of(this.nativeDirectory)
					: NativeLibrary.defaultDirectory());
		}

		public DataSize getMaxModuleSize() {
			return this.maxModuleSize;
		}

		public void setMaxModuleSize(DataSize maxModuleSize) {
			Assert.isTrue(maxModuleSize != null && maxModuleSize.toBytes() > 0, "'maxModuleSize' must be positive");
			this.maxModuleSize = maxModuleSize;
		}

		public int getMaxNestingDepth() {
			return this.maxNestingDepth;
		}

		public void setMaxNestingDepth(int maxNestingDepth) {
			this.maxNestingDepth = maxNestingDepth;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
			this.timeout = timeout;
		}

		CompileLimits limits() {
			return new CompileLimits(this.maxModuleSize, this.maxNestingDepth, this.timeout);
		}

	}

}

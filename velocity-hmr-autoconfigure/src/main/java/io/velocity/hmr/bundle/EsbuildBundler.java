package io.velocity.hmr.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.NpmPackage;
import io.velocity.hmr.resolve.PackageFile;

/**
 * Pre-bundles package entries with esbuild, run as a process from its platform jar
 * ({@link EsbuildBinary}). Each bundle is kept in the cache directory under esbuild's
 * version, the package's id and the entry's path, so it is built once per package
 * version, also across restarts. A package from a jar is copied to the cache directory
 * first (its scripts and JSON only), as esbuild reads files; one in {@code node_modules}
 * is bundled where it is. Imports of other packages stay external
 * ({@code --packages=external}).
 * <p>
 * Without an esbuild platform jar for this machine nothing is bundled: packages are
 * served module by module, which works, with more requests.
 */
public final class EsbuildBundler implements PackageBundler {

	private static final Log logger = LogFactory.getLog(EsbuildBundler.class);

	private static final long TIMEOUT_SECONDS = 60;

	private final ClasspathPackageIndex classpath;

	private final Path cacheDirectory;

	private final boolean development;

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	// Looked for on the first entry to bundle: an application without packages pays
	// nothing.
	private @Nullable Optional<EsbuildBinary> esbuild;

	private EsbuildBundler(ClasspathPackageIndex classpath, Path cacheDirectory, boolean development) {
		this.classpath = classpath;
		this.cacheDirectory = cacheDirectory;
		this.development = development;
	}

	/**
	 * Create a bundler with the esbuild found on the classpath, if any.
	 * @param classpath the packages on the classpath, where esbuild's platform jar is
	 * looked for
	 * @param cacheDirectory where bundles are kept
	 * @param development whether {@code process.env.NODE_ENV} is {@code development}
	 * @return the bundler
	 */
	public static EsbuildBundler create(ClasspathPackageIndex classpath, Path cacheDirectory, boolean development) {
		return new EsbuildBundler(classpath, cacheDirectory.toAbsolutePath().normalize(), development);
	}

	/**
	 * Whether esbuild was found, so entries are bundled.
	 * @return whether bundles are made
	 */
	public boolean isAvailable() {
		return esbuild().isPresent();
	}

	private synchronized Optional<EsbuildBinary> esbuild() {
		Optional<EsbuildBinary> esbuild = this.esbuild;
		if (esbuild != null) {
			return esbuild;
		}
		try {
			esbuild = EsbuildBinary.find(this.classpath, this.cacheDirectory);
		}
		catch (IOException ex) {
			logger.warn("Velocity HMR cannot prepare esbuild in " + this.cacheDirectory + " (" + ex.getMessage()
					+ "); packages are served module by module");
			esbuild = Optional.empty();
		}
		if (esbuild.isPresent()) {
			logger.info("Velocity HMR pre-bundles packages with esbuild " + esbuild.get().version() + ", kept in "
					+ this.cacheDirectory);
		}
		else {
			logger.info(
					"Velocity HMR serves packages module by module; add the Maven dependency " + "org.mvnpm.at.esbuild:"
							+ EsbuildBinary.platformPackage().substring("@esbuild/".length()) + " to pre-bundle them");
		}
		this.esbuild = esbuild;
		return esbuild;
	}

	@Override
	public Optional<String> bundle(PackageFile entry) {
		Optional<EsbuildBinary> esbuild = esbuild();
		if (esbuild.isEmpty()) {
			return Optional.empty();
		}
		NpmPackage pkg = entry.pkg();
		Path packageCache = this.cacheDirectory.resolve("esbuild-" + esbuild.get().version()).resolve(pkg.id());
		Path bundle = packageCache.resolve("bundles").resolve(entry.path());
		synchronized (this.locks.computeIfAbsent(entry.toString(), (key) -> new Object())) {
			try {
				if (!Files.isRegularFile(bundle)) {
					build(esbuild.get(), entry, packageCache, bundle);
				}
				return Optional.of(Files.readString(bundle));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to bundle " + entry + " in " + packageCache, ex);
			}
		}
	}

	private void build(EsbuildBinary esbuild, PackageFile entry, Path packageCache, Path bundle) throws IOException {
		long start = System.nanoTime();
		Path root = entry.pkg().files().directory().orElse(null);
		if (root == null) {
			root = PackageCopies.copy(entry.pkg(), packageCache.resolve("package"));
		}
		Files.createDirectories(bundle.getParent());
		Path temporary = Files.createTempFile(bundle.getParent(), "bundle", ".tmp");
		List<String> arguments = List.of(root.resolve(entry.path()).toString(), "--bundle", "--format=esm",
				"--platform=browser", "--target=es2022", "--packages=external", "--log-level=error", "--charset=utf8",
				"--define:process.env.NODE_ENV=\"" + (this.development ? "development" : "production") + "\"",
				"--outfile=" + temporary);
		EsbuildBinary.Run run;
		try {
			run = esbuild.run(arguments, null, Duration.ofSeconds(TIMEOUT_SECONDS));
		}
		catch (EsbuildBinary.NotFinishedException ex) {
			throw new BundleException(ex.isInterrupted() ? "interrupted while esbuild ran"
					: "esbuild did not finish in " + TIMEOUT_SECONDS + " s");
		}
		if (run.exitValue() != 0) {
			Files.deleteIfExists(temporary);
			throw new BundleException("esbuild failed: " + run.output().strip());
		}
		Files.move(temporary, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		if (logger.isDebugEnabled()) {
			logger.debug("Pre-bundled " + entry + " in " + (System.nanoTime() - start) / 1_000_000 + " ms ("
					+ Files.size(bundle) + " bytes)");
		}
	}

}

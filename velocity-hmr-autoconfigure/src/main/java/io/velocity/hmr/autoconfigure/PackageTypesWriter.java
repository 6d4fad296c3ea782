package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.NpmPackage;
import io.velocity.hmr.resolve.PackageFiles;
import io.velocity.hmr.source.ModulePaths;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Makes the TypeScript declarations that packages in jars ship visible to editors: their
 * {@code .d.ts} files and {@code package.json} are copied once the application is ready
 * in development to {@code <types directory>/node_modules/<name>/}, for a
 * {@code tsconfig.json} whose {@code paths} map {@code *} there. A package is copied
 * again only when its version changed. Packages in a real {@code node_modules} need none
 * of this.
 */
class PackageTypesWriter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(PackageTypesWriter.class);

	private static final String VERSION_MARKER = ".velocity-package";

	private final ClasspathPackageIndex packages;

	private final @Nullable Path directory;

	PackageTypesWriter(ClasspathPackageIndex packages, String typesDirectory) {
		this.packages = packages;
		this.directory = StringUtils.hasText(typesDirectory) ? Path.of(typesDirectory).resolve("node_modules") : null;
	}

	/**
	 * Write in the background once the application is ready: finding the packages on the
	 * classpath and copying their declarations must not hold up start-up, nor share the
	 * processor with it, and DevTools repeats it on every restart.
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.directory != null) {
			Thread writer = new Thread(this::write, "velocity-hmr-package-types");
			writer.setDaemon(true);
			writer.start();
		}
	}

	/**
	 * Write the declarations now.
	 */
	void write() {
		if (this.directory == null) {
			return;
		}
		for (NpmPackage pkg : this.packages.all()) {
			try {
				write(pkg);
			}
			catch (IOException ex) {
				// Only editor support is lost: the application itself is fine.
				logger.warn("Velocity HMR could not write the TypeScript declarations of " + pkg.id() + " to "
						+ this.directory + ": " + ex);
				return;
			}
		}
	}

	private void write(NpmPackage pkg) throws IOException {
		Path target = this.directory.resolve(pkg.name());
		Path marker = target.resolve(VERSION_MARKER);
		if (Files.isRegularFile(marker) && Files.readString(marker).equals(pkg.id())) {
			return;
		}
		FileSystemUtils.deleteRecursively(target);
		PackageFiles files = pkg.files();
		int written = 0;
		for (String path : files.list()) {
			if (isDeclaration(path) && ModulePaths.safe(path).isPresent()) {
				Optional<byte[]> content = files.read(path);
				if (content.isPresent()) {
					Path file = target.resolve(path);
					Files.createDirectories(file.getParent());
					Files.write(file, content.get());
					written++;
				}
			}
		}
		if (written > 1) {
			Files.writeString(marker, pkg.id());
			logger.debug("Velocity HMR wrote " + written + " declaration files of " + pkg.id() + " to " + target);
		}
		else {
			// Only a package.json: the jar ships no types (mvnpm jars often do not).
			FileSystemUtils.deleteRecursively(target);
		}
	}

	private static boolean isDeclaration(String path) {
		return path.endsWith(".d.ts") || path.endsWith(".d.mts") || path.endsWith(".d.cts")
				|| path.equals("package.json");
	}

}

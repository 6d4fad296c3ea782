package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.velocity.hmr.bundle.EsbuildBinary;
import io.velocity.hmr.resolve.ClasspathPackageIndex;

/**
 * Runs esbuild over the stage: one bundle per entry, code shared by entries in chunks of
 * their own, each dynamic {@code import()} a chunk loaded on demand, CSS extracted,
 * minified (whitespace, syntax and identifiers), every output named with a hash of its
 * content. esbuild comes from its platform jar on the build's classpath, never from the
 * application's. Its metafile tells the outputs apart.
 */
final class Esbuild {

	private static final long TIMEOUT_MINUTES = 10;

	// Files a style sheet may reference, copied with a hash in their name.
	private static final List<String> ASSET_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
			"ico", "bmp", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav", "ogg", "txt");

	private final EsbuildBinary binary;

	private Esbuild(EsbuildBinary binary) {
		this.binary = binary;
	}

	/**
	 * Find esbuild for this machine on the build's classpath.
	 * @param workDirectory where to copy the executable to run it
	 * @return esbuild
	 * @throws BuildException if no platform jar for this machine is there
	 */
	static Esbuild find(Path workDirectory) {
		return find(workDirectory, Esbuild.class.getClassLoader());
	}

	/**
	 * Find esbuild for this machine among the jars of a class loader.
	 * @param workDirectory where to copy the executable to run it
	 * @param classLoader the build's class loader
	 * @return esbuild
	 * @throws BuildException if no platform jar for this machine is there
	 */
	static Esbuild find(Path workDirectory, ClassLoader classLoader) {
		Optional<EsbuildBinary> binary;
		try {
			binary = EsbuildBinary.find(ClasspathPackageIndex.scan(classLoader), workDirectory);
		}
		catch (IOException ex) {
			throw new BuildException("Cannot prepare esbuild in " + workDirectory + ": " + ex.getMessage());
		}
		return new Esbuild(binary.orElseThrow(() -> new BuildException(BuildPlatform.unsupported("esbuild",
				"org.mvnpm.at.esbuild:" + EsbuildBinary.platformPackage().substring("@esbuild/".length())))));
	}

	String version() {
		return this.binary.version();
	}

	/**
	 * Bundle the entries.
	 * @param workDirectory the directory esbuild runs in, holding the stage
	 * @param entries the staged entries, relative to the work directory
	 * @param outputDirectory where the files go
	 * @param publicPath the URL path they are served under, without the trailing slash
	 * @param sourceMaps whether to write source maps
	 * @return the metafile
	 * @throws BuildException if esbuild reports errors
	 * @throws IOException if it cannot be run
	 */
	Path bundle(Path workDirectory, List<String> entries, Path outputDirectory, String publicPath, boolean sourceMaps)
			throws IOException {
		Path metafile = workDirectory.resolve("meta.json");
		List<String> command = new ArrayList<>(entries);
		command.addAll(List.of("--bundle", "--splitting", "--format=esm", "--platform=browser", "--target=es2022",
				"--minify", "--charset=utf8", "--log-level=warning", "--outbase=stage", "--outdir=" + outputDirectory,
				"--entry-names=[dir]/[name]-[hash]", "--chunk-names=chunks/[name]-[hash]",
				"--asset-names=assets/[name]-[hash]", "--public-path=" + publicPath, "--metafile=" + metafile,
				"--loader:.ts=js", "--loader:.tsx=js", "--loader:.jsx=js", "--loader:.mjs=js", "--loader:.cjs=js"));
		for (String extension : ASSET_EXTENSIONS) {
			command.add("--loader:." + extension + "=file");
		}
		if (sourceMaps) {
			command.add("--sourcemap=linked");
		}
		EsbuildBinary.Run run;
		try {
			run = this.binary.run(command, workDirectory, Duration.ofMinutes(TIMEOUT_MINUTES));
		}
		catch (EsbuildBinary.NotFinishedException ex) {
			throw new BuildException(ex.isInterrupted() ? "Interrupted while esbuild ran"
					: "esbuild did not finish in " + TIMEOUT_MINUTES + " minutes");
		}
		if (run.exitValue() != 0 || !Files.isRegularFile(metafile)) {
			throw new BuildException(
					List.of("esbuild " + version() + " failed:", run.output().strip().replace("\n", "\n  ")));
		}
		return metafile;
	}

}

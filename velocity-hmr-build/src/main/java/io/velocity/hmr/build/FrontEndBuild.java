package io.velocity.hmr.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.velocity.hmr.production.BuildManifest;
import io.velocity.hmr.production.BuildManifest.Entry;
import io.velocity.hmr.source.ModuleKind;

/**
 * The production build of a front end, for the Maven plugin and for any build tool that
 * runs a Java main class (Gradle's {@code JavaExec}, see {@link BuildCommand}):
 * <ol>
 * <li>the entries are the module scripts and style sheets that the pages name
 * ({@link PageEntries}) and the configured ones;</li>
 * <li>every module reachable from them is compiled as the server would compile it, into a
 * stage directory ({@link ModuleStage});</li>
 * <li>esbuild bundles, splits and minifies the stage into content-hashed files
 * ({@link Esbuild});</li>
 * <li>text files get gzip and brotli variants ({@link Precompression});</li>
 * <li>the {@link BuildManifest manifest} tells the server which file stands for each
 * source URL and what to preload with it.</li>
 * </ol>
 * The output goes to the classpath directory ({@code target/classes}) under
 * {@code velocity-build/}, so that the packaged application serves it with no compiler.
 */
public final class FrontEndBuild {

	/**
	 * Build the front end.
	 * @param settings what to build and where
	 * @return what was written
	 * @throws BuildException if the front end has problems (each named with its place) or
	 * a tool is missing for this machine
	 */
	public BuildResult build(BuildSettings settings) {
		long start = System.nanoTime();
		try {
			return doBuild(settings, start);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to build the front end: " + ex.getMessage(), ex);
		}
	}

	private BuildResult doBuild(BuildSettings settings, long start) throws IOException {
		Map<String, String> entries = entries(settings);
		Path work = settings.workDirectory();
		BuildPlatform.checkCompiler(work.resolve("swc4j"));
		Path stage = work.resolve("stage");
		Path output = settings.outputDirectory().resolve(BuildManifest.LOCATION).getParent();
		Path files = settings.outputDirectory().resolve(BuildManifest.FILES_LOCATION);
		Directories.clear(stage);
		Directories.clear(output);
		Directories.copyNonScripts(settings.sourceRoots(), stage.resolve(settings.urlPrefix().substring(1)));
		RuntimeFiles.stage(stage);
		StagePaths paths = new StagePaths(stage);
		List<String> problems = new ArrayList<>();
		try (URLClassLoader classpath = ApplicationClasspath.classLoader(settings.classpath())) {
			ModuleStage modules = new ModuleStage(settings, paths, new StagedAssets(files), classpath);
			entries.forEach((url, namedBy) -> {
				if (!modules.exists(url)) {
					problems.add(namedBy + ": " + url + " is in no source root (" + roots(settings) + ")");
				}
			});
			if (problems.isEmpty()) {
				problems.addAll(modules.stage(List.copyOf(entries.keySet())));
			}
		}
		if (!problems.isEmpty()) {
			throw new BuildException(problems);
		}
		Map<String, String> staged = new LinkedHashMap<>();
		entries.keySet()
			.forEach((url) -> staged.put(url, work.relativize(paths.of(url)).toString().replace('\\', '/')));
		Esbuild esbuild = Esbuild.find(work);
		Path metafile = esbuild.bundle(work, List.copyOf(staged.values()), files,
				BuildManifest.URL_PREFIX.substring(0, BuildManifest.URL_PREFIX.length() - 1), settings.sourceMaps());
		Metafile meta = Metafile.read(metafile, work, files);
		Map<String, Entry> manifestEntries = new TreeMap<>();
		staged.forEach((url, stagedEntry) -> meta.entry(stagedEntry)
			.ifPresentOrElse((entry) -> manifestEntries.put(url, entry),
					() -> problems.add("esbuild wrote nothing for " + url)));
		if (!problems.isEmpty()) {
			throw new BuildException(problems);
		}
		FileSizes sizes = new FileSizes();
		Map<String, BuildManifest.File> written = sizes.compress(files, settings.compress());
		BuildManifest manifest = new BuildManifest(BuildManifest.VERSION, manifestEntries, written,
				BuildManifest.importMap(Map.of()));
		Path manifestFile = settings.outputDirectory().resolve(BuildManifest.LOCATION);
		try (OutputStream out = Files.newOutputStream(manifestFile)) {
			manifest.write(out);
		}
		return new BuildResult(manifest, manifestFile, sizes.bytes(), sizes.gzipBytes(), sizes.brotliBytes(),
				(System.nanoTime() - start) / 1_000_000);
	}

	private static Map<String, String> entries(BuildSettings settings) {
		Map<String, String> entries = new LinkedHashMap<>();
		PageEntries.find(settings.pageRoots(), settings.urlPrefix())
			.forEach((url, page) -> entries.put(url, settings.projectDirectory().relativize(page).toString()));
		for (String configured : settings.entries()) {
			String url = configured.startsWith("/") ? configured
					: settings.urlPrefix() + "/" + (configured.startsWith("./") ? configured.substring(2) : configured);
			entries.putIfAbsent(url, "the configured entries");
		}
		entries.keySet().removeIf((url) -> ModuleKind.of(url) == ModuleKind.ASSET);
		if (entries.isEmpty()) {
			throw new BuildException(
					"No entries: no page in " + settings.pageRoots() + " loads a module script or style sheet under "
							+ settings.urlPrefix() + "/, and none is configured (entries)");
		}
		return entries;
	}

	private static String roots(BuildSettings settings) {
		return String.join(", ",
				settings.sourceRoots()
					.stream()
					.map((root) -> settings.projectDirectory().relativize(root).toString())
					.toList());
	}

	/**
	 * Run a build from the command line: see {@link BuildCommand}.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.exit(BuildCommand.run(args, System.out, System.err));
	}

}

package io.velocity.hmr.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * What to build and where to put it. Relative paths are resolved against the project
 * directory.
 *
 * @param projectDirectory the project's directory
 * @param sourceRoots the front-end source roots, such as {@code src/main/frontend}
 * @param pageRoots directories of HTML pages and templates whose module scripts and style
 * sheets are entries, such as {@code src/main/resources/static}
 * @param entries further entries, for pages the build cannot read (a controller's HTML):
 * module paths relative to a source root ({@code admin.tsx}) or their URLs
 * ({@code /frontend/admin.tsx})
 * @param outputDirectory the classpath directory to write into, such as
 * {@code target/classes}
 * @param workDirectory a directory of the build's own
 * @param classpath the application's classpath, where packages are found
 * @param urlPrefix the URL path the modules are served under, such as {@code /frontend}
 * @param sourceMaps whether to write source maps next to the files
 * @param compress whether to write gzip and brotli variants
 * @param env what {@code import.meta.env} exposes besides {@code MODE}, {@code DEV},
 * {@code PROD} and {@code BASE_URL}
 * @param tsconfig the tsconfig whose {@code paths} aliases resolve imports
 */
public record BuildSettings(Path projectDirectory, List<Path> sourceRoots, List<Path> pageRoots, List<String> entries,
		Path outputDirectory, Path workDirectory, List<Path> classpath, String urlPrefix, boolean sourceMaps,
		boolean compress, Map<String, String> env, Path tsconfig) {

	public BuildSettings {
		Assert.notNull(projectDirectory, "'projectDirectory' must not be null");
		Assert.notEmpty(sourceRoots, "'sourceRoots' must not be empty");
		Assert.isTrue(urlPrefix != null && urlPrefix.startsWith("/") && !urlPrefix.endsWith("/"),
				"'urlPrefix' must start and not end with '/'");
		projectDirectory = projectDirectory.toAbsolutePath().normalize();
		sourceRoots = resolve(projectDirectory, sourceRoots);
		pageRoots = resolve(projectDirectory, (pageRoots != null) ? pageRoots : List.of());
		entries = (entries != null) ? List.copyOf(entries) : List.of();
		outputDirectory = projectDirectory.resolve(outputDirectory).normalize();
		workDirectory = projectDirectory.resolve(workDirectory).normalize();
		classpath = (classpath != null) ? List.copyOf(classpath) : List.of();
		env = (env != null) ? Map.copyOf(env) : Map.of();
		tsconfig = projectDirectory.resolve((tsconfig != null) ? tsconfig : Path.of("tsconfig.json")).normalize();
	}

	/**
	 * The settings of a Maven-style project: sources in {@code src/main/frontend}, pages
	 * in {@code src/main/resources/static} and {@code src/main/resources/templates},
	 * output to {@code target/classes}.
	 * @param projectDirectory the project's directory
	 * @param classpath the application's classpath
	 * @return the settings
	 */
	public static BuildSettings defaults(Path projectDirectory, List<Path> classpath) {
		return new BuildSettings(projectDirectory, List.of(Path.of("src/main/frontend")),
				List.of(Path.of("src/main/resources/static"), Path.of("src/main/resources/templates")), List.of(),
				Path.of("target/classes"), Path.of("target/velocity-build"), classpath, "/frontend", false, true,
				Map.of(), Path.of("tsconfig.json"));
	}

	private static List<Path> resolve(Path base, List<Path> paths) {
		return paths.stream().map((path) -> base.resolve(path).normalize()).toList();
	}

}

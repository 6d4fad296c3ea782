package io.velocity.hmr.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import io.velocity.hmr.build.BuildException;
import io.velocity.hmr.build.BuildResult;
import io.velocity.hmr.build.BuildSettings;
import io.velocity.hmr.build.FrontEndBuild;

/**
 * Builds the front end for production into the classpath: every module reachable from the
 * pages' module scripts and the configured entries, compiled, bundled, split, minified
 * and fingerprinted, with gzip and brotli variants and the manifest the application
 * serves them from. A problem in the front end fails the build, named as
 * {@code file:line:col message}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
		requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BuildMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	/**
	 * Directories of the front-end sources.
	 */
	@Parameter(defaultValue = "${project.basedir}/src/main/frontend")
	private List<File> sourceRoots;

	/**
	 * Directories of HTML pages and templates: the module scripts and style sheets they
	 * load are entries.
	 */
	@Parameter(
			defaultValue = "${project.basedir}/src/main/resources/static,${project.basedir}/src/main/resources/templates")
	private List<File> pageRoots;

	/**
	 * Further entries, for pages the build cannot read (HTML a controller writes): module
	 * paths in a source root ({@code admin.tsx}) or URLs ({@code /frontend/admin.tsx}).
	 */
	@Parameter
	private List<String> entries;

	/**
	 * The classpath directory the files and the manifest are written to.
	 */
	@Parameter(defaultValue = "${project.build.outputDirectory}")
	private File outputDirectory;

	/**
	 * A directory of the build's own.
	 */
	@Parameter(defaultValue = "${project.build.directory}/velocity-build")
	private File workDirectory;

	/**
	 * The URL path the modules are served under, as {@code velocity.hmr.path}.
	 */
	@Parameter(property = "velocity.build.path", defaultValue = "/frontend")
	private String path;

	/**
	 * Whether to write source maps next to the files (they hold the sources).
	 */
	@Parameter(property = "velocity.build.sourceMaps", defaultValue = "false")
	private boolean sourceMaps;

	/**
	 * Whether to write gzip and brotli variants of the text files.
	 */
	@Parameter(property = "velocity.build.compress", defaultValue = "true")
	private boolean compress;

	/**
	 * Values of {@code import.meta.env}, fixed at build time (never put secrets here).
	 */
	@Parameter
	private Map<String, String> env;

	/**
	 * The tsconfig whose {@code compilerOptions.paths} aliases resolve imports.
	 */
	@Parameter(defaultValue = "${project.basedir}/tsconfig.json")
	private File tsconfig;

	/**
	 * Whether to skip the build.
	 */
	@Parameter(property = "velocity.build.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping the Velocity front-end build");
			return;
		}
		List<Path> classpath;
		try {
			classpath = this.project.getRuntimeClasspathElements().stream().map(Path::of).toList();
		}
		catch (Exception ex) {
			throw new MojoExecutionException("Cannot resolve the runtime classpath", ex);
		}
		BuildSettings settings = new BuildSettings(this.project.getBasedir().toPath(), paths(this.sourceRoots),
				paths(this.pageRoots), this.entries, this.outputDirectory.toPath(), this.workDirectory.toPath(),
				classpath, this.path, this.sourceMaps, this.compress, this.env, this.tsconfig.toPath());
		try {
			BuildResult result = new FrontEndBuild().build(settings);
			getLog().info(result.summary());
		}
		catch (BuildException ex) {
			ex.getProblems().forEach((problem) -> getLog().error(problem));
			throw new MojoFailureException(ex.getMessage());
		}
	}

	private static List<Path> paths(List<File> files) {
		return (files != null) ? files.stream().map(File::toPath).toList() : List.of();
	}

}

package io.velocity.hmr.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import io.velocity.hmr.build.TypesGoal;

/**
 * Writes the TypeScript declarations (the runtime's, {@code import.meta.hot}'s and those
 * of the packages in jars) that the application writes when it starts in development,
 * without starting it: for {@code tsc --noEmit} in CI.
 */
@Mojo(name = "types", defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
		requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class TypesMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	/**
	 * The directory to write to, as {@code velocity.hmr.types-directory}.
	 */
	@Parameter(property = "velocity.types.directory", defaultValue = "${project.build.directory}/velocity-types")
	private File directory;

	@Override
	public void execute() throws MojoExecutionException {
		List<Path> classpath;
		try {
			classpath = this.project.getRuntimeClasspathElements().stream().map(Path::of).toList();
		}
		catch (Exception ex) {
			throw new MojoExecutionException("Cannot resolve the runtime classpath", ex);
		}
		TypesGoal.write(this.directory.toPath(), classpath);
		getLog().info("Wrote the TypeScript declarations to " + this.directory);
	}

}

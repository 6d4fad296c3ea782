package io.velocity.hmr.autoconfigure;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.production.BuildManifest;
import io.velocity.hmr.production.BuiltFileRequestHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose jar left {@code velocity-hmr-devtools} out (swc4j is not on its
 * classpath): served from its production build, or stopped with a message when it has
 * none.
 */
class MissingCompilerTests {

	// The class file hidden: the starter looks for it without loading the class (so
	// that a built app loads no class of the compiler), and loads none when it is not
	// there.
	private static final FilteredClassLoader NO_COMPILER = new FilteredClassLoader(
			new ClassPathResource("com/caoccao/javet/swc4j/Swc4j.class"));

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(VelocityHmrAutoConfiguration.class, VelocityHmrProductionAutoConfiguration.class));

	@TempDir
	Path classes;

	@Test
	void stopsTheStartWithAnAnalysisWhenNeitherABuildNorTheCompilerIsThere() {
		this.contextRunner.withClassLoader(NO_COMPILER).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause()
				.isInstanceOf(MissingCompilerException.class)
				.hasMessage("Velocity HMR can neither serve a production build (no velocity-build/manifest.json on the "
						+ "classpath) nor compile the front end (swc4j, from velocity-hmr-devtools, is not on the "
						+ "classpath)");
			FailureAnalysis analysis = new MissingCompilerFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("velocity-hmr-maven-plugin's 'build' goal");
		});
	}

	@Test
	void servesTheBuildWithoutTheCompiler() throws Exception {
		Path manifest = this.classes.resolve(BuildManifest.LOCATION);
		Files.createDirectories(manifest.getParent());
		try (OutputStream out = Files.newOutputStream(manifest)) {
			new BuildManifest(BuildManifest.VERSION, Map.of(), Map.of(), BuildManifest.importMap(Map.of())).write(out);
		}
		try (URLClassLoader withBuild = new URLClassLoader(new URL[] { this.classes.toUri().toURL() }, NO_COMPILER)) {
			this.contextRunner.withClassLoader(withBuild)
				.run((context) -> assertThat(context).hasNotFailed()
					.hasSingleBean(BuiltFileRequestHandler.class)
					.doesNotHaveBean(CompileService.class));
		}
	}

}

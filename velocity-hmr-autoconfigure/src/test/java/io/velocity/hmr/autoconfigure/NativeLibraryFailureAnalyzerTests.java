package io.velocity.hmr.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.velocity.hmr.compile.NativeLibraryException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory swc's native library cannot be loaded from stops the start, and the failure
 * says which property to set.
 */
class NativeLibraryFailureAnalyzerTests {

	@TempDir
	Path temp;

	@Test
	void failsTheStartAndSaysWhatToChange() throws Exception {
		Path file = Files.writeString(this.temp.resolve("file"), "");
		new WebApplicationContextRunner().withConfiguration(VelocityHmrAutoConfigurations.all())
			.withPropertyValues("velocity.hmr.compiler.native-directory=" + file)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				FailureAnalysis analysis = new NativeLibraryFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(file.toString()).contains("cannot be created");
				assertThat(analysis.getAction()).contains("velocity.hmr.compiler.native-directory").contains("noexec");
				assertThat(analysis.getCause()).isInstanceOf(NativeLibraryException.class);
			});
	}

}

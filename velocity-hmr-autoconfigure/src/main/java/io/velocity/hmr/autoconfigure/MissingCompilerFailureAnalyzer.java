package io.velocity.hmr.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says what to change when an application has neither its front end built nor the
 * compiler.
 */
class MissingCompilerFailureAnalyzer extends AbstractFailureAnalyzer<MissingCompilerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingCompilerException cause) {
		String action = "Build the front end when packaging, with velocity-hmr-maven-plugin's 'build' goal (a jar "
				+ "that declares velocity-hmr-devtools optional needs it; see docs/production.md), or keep "
				+ "velocity-hmr-devtools on the classpath to compile on request.";
		return new FailureAnalysis(cause.getMessage() + ".", action, cause);
	}

}

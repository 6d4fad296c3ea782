package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.compile.NativeLibraryException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says what to change when swc's native library could not be loaded at start-up.
 */
class NativeLibraryFailureAnalyzer extends AbstractFailureAnalyzer<NativeLibraryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NativeLibraryException cause) {
		String description = "Velocity HMR compiles front-end modules with swc, whose native library it copies to "
				+ cause.getDirectory() + " and loads from there. That failed: " + cause.getReason() + ".";
		String action = "Set velocity.hmr.compiler.native-directory to a directory that the application's user owns"
				+ " (or can create) and that is on a file system which allows executing files (not mounted noexec),"
				+ " for example a writable volume of the container.";
		return new FailureAnalysis(description, action, cause);
	}

}

package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.production.BuildManifest;

/**
 * Thrown at start-up when the front end can be served neither from a production build (no
 * {@value BuildManifest#LOCATION} on the classpath, or hot module replacement on) nor by
 * compiling on request (no swc4j: {@code velocity-hmr-devtools} was left out, as a
 * production jar leaves it out).
 */
class MissingCompilerException extends IllegalStateException {

	MissingCompilerException(String reason) {
		super("Velocity HMR can neither serve a production build (" + reason
				+ ") nor compile the front end (swc4j, from velocity-hmr-devtools, is not on the classpath)");
	}

}

package io.velocity.hmr.bundle;

/**
 * Thrown when a package cannot be bundled; the message is the bundler's own, for the
 * compile problem it becomes.
 */
public class BundleException extends RuntimeException {

	public BundleException(String message) {
		super(message, null, false, false);
	}

}

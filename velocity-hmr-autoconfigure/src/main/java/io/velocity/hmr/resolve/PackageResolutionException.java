package io.velocity.hmr.resolve;

/**
 * Thrown when a specifier names no file of any package; the message says which package,
 * what was asked for and where it was looked for, for the compile problem it becomes.
 */
public class PackageResolutionException extends Exception {

	public PackageResolutionException(String message) {
		super(message, null, false, false);
	}

}

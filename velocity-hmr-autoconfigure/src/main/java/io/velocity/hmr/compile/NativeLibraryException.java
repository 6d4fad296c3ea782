package io.velocity.hmr.compile;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when swc4j's native library cannot be loaded from its directory: no module could
 * be compiled, so the application must not start as if it could.
 */
public class NativeLibraryException extends RuntimeException {

	private final Path directory;

	private final String reason;

	public NativeLibraryException(Path directory, String reason, @Nullable Throwable cause) {
		super("Velocity HMR could not load swc's native library from " + directory + ": " + reason, cause);
		this.directory = directory;
		this.reason = reason;
	}

	/**
	 * Return the directory the library was to be loaded from.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Return why it could not be loaded from there.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}

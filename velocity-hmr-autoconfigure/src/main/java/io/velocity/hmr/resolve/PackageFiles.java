package io.velocity.hmr.resolve;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The files of one package. Paths are relative to the package's root and use '/'; an
 * implementation never reads a file outside that root, so whatever a request names, only
 * the package's own files can be served.
 */
public interface PackageFiles {

	/**
	 * Whether a regular file exists at the path.
	 * @param path a safe relative path such as {@code dist/index.js}
	 * @return whether it exists
	 */
	boolean isFile(String path);

	/**
	 * Read a file.
	 * @param path a safe relative path
	 * @return its content, or empty when there is no such file
	 */
	Optional<byte[]> read(String path);

	/**
	 * The paths of every file, for tools that need the package on disk.
	 * @return the paths
	 */
	Collection<String> list();

	/**
	 * The directory the files are in, when they are on disk.
	 * @return the directory, or empty when they are in a jar
	 */
	default Optional<Path> directory() {
		return Optional.empty();
	}

	/**
	 * Where the files are, for messages: a jar's entry or a directory.
	 * @return the location
	 */
	String location();

}

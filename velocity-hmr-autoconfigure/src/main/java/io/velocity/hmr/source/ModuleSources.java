package io.velocity.hmr.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where front-end modules are read from. Paths are relative to the source roots and use
 * '/'; an implementation never returns a file outside its roots.
 *
 * @see FileSystemModuleSources
 * @see ClasspathModuleSources
 */
public interface ModuleSources {

	/**
	 * Find the module at the given path.
	 * @param path a path relative to the source roots, such as
	 * {@code components/Counter.tsx}
	 * @return the module, or empty when there is no such file or the path is not safe
	 */
	Optional<ModuleSource> find(String path);

	/**
	 * Whether a module exists at the given path, without reading it.
	 * @param path a path relative to the source roots
	 * @return whether {@link #find(String)} would return a module
	 */
	boolean exists(String path);

	/**
	 * The existing directories on disk that hold the sources, in lookup order; empty when
	 * modules come from the classpath.
	 * @return the source root directories
	 */
	List<Path> roots();

	/**
	 * Map a file on disk back to its module path.
	 * @param file a file under one of the {@link #roots()}
	 * @return the module path, or empty when the file is outside every root
	 */
	default Optional<String> pathOf(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		for (Path root : roots()) {
			if (absolute.startsWith(root)) {
				String relative = root.relativize(absolute).toString().replace('\\', '/');
				return relative.isEmpty() ? Optional.empty() : Optional.of(relative);
			}
		}
		return Optional.empty();
	}

}

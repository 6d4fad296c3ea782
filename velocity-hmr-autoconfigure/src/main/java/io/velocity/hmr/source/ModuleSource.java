package io.velocity.hmr.source;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The source text of one front-end module, as read from a source root.
 *
 * @param path the module's path relative to its source root, using '/' (for example
 * {@code components/Counter.tsx})
 * @param content the raw bytes of the file
 * @param file the file on disk, or {@code null} when the module comes from the classpath
 */
public record ModuleSource(String path, byte[] content, @Nullable Path file) {

	public ModuleSource {
		Assert.hasText(path, "'path' must not be empty");
		Assert.notNull(content, "'content' must not be null");
	}

	/**
	 * Return the file name extension, lower case, without the dot.
	 * @return the extension or an empty string
	 */
	public String extension() {
		return ModulePaths.extension(this.path);
	}

}

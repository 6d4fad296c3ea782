package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Writes the TypeScript declarations of the Velocity runtime and of
 * {@code import.meta.hot} into the project at start-up in development, so an editor
 * type-checks TSX against the exact starter version in use. A {@code tsconfig.json} that
 * includes the directory picks them up; nothing is written when they are up to date.
 */
class TypeDeclarationsWriter implements InitializingBean {

	private static final Log logger = LogFactory.getLog(TypeDeclarationsWriter.class);

	private static final String LOCATION = "io/velocity/hmr/client/types/";

	private static final List<String> DECLARATIONS = List.of("velocity.d.ts", "jsx.d.ts", "web.d.ts", "hot.d.ts");

	private final @Nullable Path directory;

	/**
	 * Create a new writer.
	 * @param directory the directory to write to, or an empty string to write nothing
	 */
	TypeDeclarationsWriter(String directory) {
		this.directory = StringUtils.hasText(directory) ? Path.of(directory) : null;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.directory == null) {
			return;
		}
		try {
			Files.createDirectories(this.directory);
			for (String name : DECLARATIONS) {
				write(name);
			}
		}
		catch (IOException ex) {
			// Only editor support is lost: the application itself is fine.
			logger.warn("Velocity HMR could not write TypeScript declarations to " + this.directory + ": " + ex);
		}
	}

	private void write(String name) throws IOException {
		byte[] content;
		try (InputStream input = new ClassPathResource(LOCATION + name, getClass().getClassLoader()).getInputStream()) {
			content = input.readAllBytes();
		}
		Path target = this.directory.resolve(name);
		if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
			Files.write(target, content);
			logger.debug("Velocity HMR wrote " + target);
		}
	}

}

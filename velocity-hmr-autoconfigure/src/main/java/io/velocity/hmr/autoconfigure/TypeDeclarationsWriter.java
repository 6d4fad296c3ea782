package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Writes the TypeScript declarations of the Velocity runtime and of
 * {@code import.meta.hot} into the project once the application is ready in development,
 * so an editor type-checks TSX against the exact starter version in use. A
 * {@code tsconfig.json} that includes the directory picks them up; nothing is written
 * when they are up to date. Written on a thread of its own: finding them on the classpath
 * and comparing them with the files must not hold up start-up, which DevTools repeats on
 * every restart.
 */
class TypeDeclarationsWriter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(TypeDeclarationsWriter.class);

	private static final String LOCATION = "classpath*:io/velocity/hmr/client/types/*.d.ts";

	private final @Nullable Path directory;

	/**
	 * Create a new writer.
	 * @param directory the directory to write to, or an empty string to write nothing
	 */
	TypeDeclarationsWriter(String directory) {
		this.directory = StringUtils.hasText(directory) ? Path.of(directory) : null;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.directory != null) {
			Thread writer = new Thread(this::write, "velocity-hmr-types");
			writer.setDaemon(true);
			writer.start();
		}
	}

	/**
	 * Write the declarations now.
	 */
	void write() {
		if (this.directory == null) {
			return;
		}
		try {
			Files.createDirectories(this.directory);
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					getClass().getClassLoader());
			for (Resource declarations : resolver.getResources(LOCATION)) {
				write(declarations);
			}
		}
		catch (IOException ex) {
			// Only editor support is lost: the application itself is fine.
			logger.warn("Velocity HMR could not write TypeScript declarations to " + this.directory + ": " + ex);
		}
	}

	private void write(Resource declarations) throws IOException {
		byte[] content;
		try (InputStream input = declarations.getInputStream()) {
			content = input.readAllBytes();
		}
		Path target = this.directory.resolve(declarations.getFilename());
		if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
			Files.write(target, content);
			logger.debug("Velocity HMR wrote " + target);
		}
	}

}

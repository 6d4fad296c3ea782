package io.velocity.hmr.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.velocity.hmr.source.ModuleUrls;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Velocity runtime's browser modules, as the build's own classpath has them: the
 * runtime that goes with the compiler that compiled the JSX calling it. Staged under
 * {@code __velocity/}, where the compiled imports of {@code velocity},
 * {@code velocity/web} and {@code velocity/store} point, and bundled like any module.
 */
final class RuntimeFiles {

	private static final String LOCATION = "io/velocity/hmr/client/runtime/";

	private static final String URL_PREFIX = ModuleUrls.RUNTIME_URL.substring(0,
			ModuleUrls.RUNTIME_URL.lastIndexOf('/') + 1);

	private RuntimeFiles() {
	}

	static boolean isRuntimeUrl(String url) {
		return url.startsWith(URL_PREFIX) && url.indexOf('/', URL_PREFIX.length()) < 0 && url.endsWith(".js");
	}

	/**
	 * Copy the runtime's modules into the stage.
	 * @param stage the stage directory
	 * @throws IOException if they cannot be read or written
	 */
	static void stage(Path stage) throws IOException {
		Path directory = stage.resolve(URL_PREFIX.substring(1));
		Files.createDirectories(directory);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				RuntimeFiles.class.getClassLoader());
		int count = 0;
		for (Resource resource : resolver.getResources("classpath*:" + LOCATION + "*.js")) {
			String name = resource.getFilename();
			if (name != null && !Files.exists(directory.resolve(name))) {
				try (InputStream input = resource.getInputStream()) {
					Files.write(directory.resolve(name), input.readAllBytes());
					count++;
				}
			}
		}
		if (count == 0) {
			throw new BuildException("The Velocity runtime is not on the build's classpath (" + LOCATION + ")");
		}
	}

}

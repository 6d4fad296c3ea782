package io.velocity.hmr.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.velocity.hmr.autoconfigure.TypeDeclarations;

/**
 * Writes the TypeScript declarations without starting the application, for a type checker
 * in CI: those of the runtime, and those of the packages on the application's classpath.
 */
public final class TypesGoal {

	private TypesGoal() {
	}

	/**
	 * Write the declarations.
	 * @param directory where to, such as {@code target/velocity-types}
	 * @param classpath the application's classpath
	 */
	public static void write(Path directory, List<Path> classpath) {
		List<URL> urls = new ArrayList<>();
		for (Path element : classpath) {
			try {
				urls.add(element.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException("Not a classpath element: " + element, ex);
			}
		}
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
				ClassLoader.getPlatformClassLoader())) {
			TypeDeclarations.write(directory, loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

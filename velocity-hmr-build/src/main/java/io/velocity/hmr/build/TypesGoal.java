package io.velocity.hmr.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
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
		try (URLClassLoader loader = ApplicationClasspath.classLoader(classpath)) {
			TypeDeclarations.write(directory, loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

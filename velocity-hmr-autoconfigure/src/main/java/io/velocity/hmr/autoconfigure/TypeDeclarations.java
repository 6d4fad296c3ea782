package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;

import io.velocity.hmr.resolve.ClasspathPackageIndex;

/**
 * Writes the TypeScript declarations that the application writes when it starts in
 * development (those of the runtime and {@code import.meta.hot}, and those of the
 * packages in jars under {@code node_modules/}) without starting it: what the build
 * plugin's {@code types} goal runs, so that a type checker in CI has them.
 */
public final class TypeDeclarations {

	private TypeDeclarations() {
	}

	/**
	 * Write the declarations.
	 * @param directory the directory to write to, such as {@code target/velocity-types}
	 * @param applicationClasspath the application's classpath, where packages are found
	 */
	public static void write(Path directory, ClassLoader applicationClasspath) {
		new TypeDeclarationsWriter(directory.toString()).write();
		new PackageTypesWriter(ClasspathPackageIndex.scan(applicationClasspath), directory.toString()).write();
	}

}

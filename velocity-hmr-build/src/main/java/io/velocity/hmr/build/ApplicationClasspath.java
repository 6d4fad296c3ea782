package io.velocity.hmr.build;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's classpath as a class loader, for reading its packages and the
 * starter's resources: the application's elements only, on the platform class loader, so
 * that nothing of the build tool's own classpath (esbuild's jar, Maven's) is taken for
 * one of the application's.
 */
final class ApplicationClasspath {

	private ApplicationClasspath() {
	}

	/**
	 * Create a class loader of the given classpath; the caller closes it.
	 * @param classpath the application's classpath elements
	 * @return the class loader
	 * @throws IllegalArgumentException if an element is not a valid location
	 */
	static URLClassLoader classLoader(List<Path> classpath) {
		List<URL> urls = new ArrayList<>();
		for (Path element : classpath) {
			try {
				urls.add(element.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException("Not a classpath element: " + element, ex);
			}
		}
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

}

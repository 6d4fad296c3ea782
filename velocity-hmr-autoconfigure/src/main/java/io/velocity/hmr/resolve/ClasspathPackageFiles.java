package io.velocity.hmr.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The files of a package inside a jar, listed once on first use: only listed files are
 * ever read, so no request can reach another classpath resource, whatever path it names.
 * Files in a jar are read straight from the jar's entries (opening a URL per file costs a
 * hundred times more, which copying a package of thousands of files to disk would feel);
 * a package in a classpath directory, as in tests, through its resources.
 */
final class ClasspathPackageFiles implements PackageFiles {

	private final String base;

	private final ResourcePatternResolver resolver;

	private volatile Listing listing;

	/**
	 * Create a new instance.
	 * @param base the URL of the package's directory, ending with '/'
	 * @param resolver lists and opens resources
	 */
	ClasspathPackageFiles(String base, ResourcePatternResolver resolver) {
		this.base = base;
		this.resolver = resolver;
	}

	static ClasspathPackageFiles of(String base, ClassLoader classLoader) {
		return new ClasspathPackageFiles(base, new PathMatchingResourcePatternResolver(classLoader));
	}

	@Override
	public boolean isFile(String path) {
		return listing().files().containsKey(path);
	}

	@Override
	public Optional<byte[]> read(String path) {
		Listing listing = listing();
		Object file = listing.files().get(path);
		if (file == null) {
			return Optional.empty();
		}
		try (InputStream input = (file instanceof JarEntry entry) ? listing.jar().getInputStream(entry)
				: ((Resource) file).getInputStream()) {
			return Optional.of(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read " + this.base + path, ex);
		}
	}

	@Override
	public Collection<String> list() {
		return listing().files().keySet();
	}

	@Override
	public String location() {
		return this.base;
	}

	private Listing listing() {
		Listing listing = this.listing;
		if (listing == null) {
			listing = list(this.base, this.resolver);
			this.listing = listing;
		}
		return listing;
	}

	// From the jar's own entries: mvnpm jars have no directory entries, which a resource
	// pattern needs to find a root.
	private static Listing list(String base, ResourcePatternResolver resolver) {
		Map<String, Object> files = new TreeMap<>();
		try {
			int separator = base.lastIndexOf("!/");
			URL jarRoot = new URL((separator > 0) ? base.substring(0, separator + 2) : base);
			if (separator > 0 && jarRoot.openConnection() instanceof JarURLConnection connection) {
				String prefix = base.substring(separator + 2);
				// Shared with the class loader's own use of the jar: never closed here.
				JarFile jar = connection.getJarFile();
				for (JarEntry entry : Collections.list(jar.entries())) {
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(prefix) && name.length() > prefix.length()) {
						files.put(name.substring(prefix.length()), entry);
					}
				}
				return new Listing(jar, Map.copyOf(files));
			}
			for (Resource resource : resolver.getResources(base + "**")) {
				String url = resource.getURL().toString();
				if (url.startsWith(base) && !url.endsWith("/") && resource.isReadable()) {
					files.put(url.substring(base.length()), resource);
				}
			}
			return new Listing(null, Map.copyOf(files));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list the files of the package at " + base, ex);
		}
	}

	/**
	 * The files by path: a {@link JarEntry} of the jar, or a {@link Resource}.
	 */
	private record Listing(JarFile jar, Map<String, Object> files) {
	}

}

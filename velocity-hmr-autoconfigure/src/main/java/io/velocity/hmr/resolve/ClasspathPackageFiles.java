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
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The files of a package inside a jar, listed once on first use: only listed files are
 * ever read, so no request can reach another classpath resource, whatever path it names.
 */
final class ClasspathPackageFiles implements PackageFiles {

	private final String base;

	private final ResourcePatternResolver resolver;

	private volatile Map<String, Resource> files;

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
		return files().containsKey(path);
	}

	@Override
	public Optional<byte[]> read(String path) {
		Resource resource = files().get(path);
		if (resource == null) {
			return Optional.empty();
		}
		try (InputStream input = resource.getInputStream()) {
			return Optional.of(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read " + this.base + path, ex);
		}
	}

	@Override
	public Collection<String> list() {
		return files().keySet();
	}

	@Override
	public String location() {
		return this.base;
	}

	private Map<String, Resource> files() {
		Map<String, Resource> files = this.files;
		if (files == null) {
			files = listFiles();
			this.files = files;
		}
		return files;
	}

	// Read from the jar's own entries: mvnpm jars have no directory entries, which a
	// resource pattern needs to find a root.
	private Map<String, Resource> listFiles() {
		Map<String, Resource> files = new TreeMap<>();
		try {
			int separator = this.base.lastIndexOf("!/");
			URL jarRoot = new URL((separator > 0) ? this.base.substring(0, separator + 2) : this.base);
			if (separator > 0 && jarRoot.openConnection() instanceof JarURLConnection connection) {
				String prefix = this.base.substring(separator + 2);
				JarFile jar = connection.getJarFile();
				for (JarEntry entry : Collections.list(jar.entries())) {
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(prefix) && name.length() > prefix.length()) {
						String path = name.substring(prefix.length());
						files.put(path, new UrlResource(this.base + path));
					}
				}
			}
			else {
				for (Resource resource : this.resolver.getResources(this.base + "**")) {
					String url = resource.getURL().toString();
					if (url.startsWith(this.base) && !url.endsWith("/") && resource.isReadable()) {
						files.put(url.substring(this.base.length()), resource);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list the files of the package at " + this.base, ex);
		}
		return Map.copyOf(files);
	}

}

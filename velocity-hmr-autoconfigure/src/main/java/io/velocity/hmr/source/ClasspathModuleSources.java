package io.velocity.hmr.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * {@link ModuleSources} that reads modules from a classpath location, as in a packaged
 * application where the front-end sources were copied into the jar. A
 * {@link ServedFiles#isDenied(String) denied} file is never read, even if the build
 * copied it.
 */
public class ClasspathModuleSources implements ModuleSources {

	private final ResourceLoader resourceLoader;

	private final String location;

	/**
	 * Create a new instance.
	 * @param resourceLoader the loader to read resources with
	 * @param location the location of the sources, such as {@code classpath:/frontend/}
	 */
	public ClasspathModuleSources(ResourceLoader resourceLoader, String location) {
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		Assert.isTrue(location != null && location.endsWith("/"), "'location' must end with '/'");
		this.resourceLoader = resourceLoader;
		this.location = location;
	}

	@Override
	public Optional<ModuleSource> find(String path) {
		return resource(path).map((resource) -> read(ModulePaths.safe(path).orElseThrow(), resource));
	}

	@Override
	public boolean exists(String path) {
		return resource(path).isPresent();
	}

	@Override
	public List<Path> roots() {
		return List.of();
	}

	/**
	 * The classpath location the modules are read from.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	private Optional<Resource> resource(String path) {
		return ModulePaths.safe(path)
			.filter((safe) -> !ServedFiles.isDenied(safe))
			.map((safe) -> this.resourceLoader.getResource(this.location + safe))
			.filter((resource) -> resource.exists() && resource.isReadable() && !isDirectory(resource));
	}

	private static boolean isDirectory(Resource resource) {
		try {
			return resource.isFile() && resource.getFile().isDirectory();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static ModuleSource read(String path, Resource resource) {
		try (InputStream input = resource.getInputStream()) {
			return new ModuleSource(path, input.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read front-end module " + resource, ex);
		}
	}

}

package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.source.ClasspathModuleSources;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.SourceRoots;

import org.springframework.core.io.ResourceLoader;

/**
 * Chooses where modules are read from: the source roots on disk while hot module
 * replacement is active and any of them exists, the classpath otherwise. The same URLs
 * serve either way.
 */
final class ModuleSourcesFactory {

	private static final Log logger = LogFactory.getLog(ModuleSourcesFactory.class);

	private ModuleSourcesFactory() {
	}

	static ModuleSources create(VelocityHmrProperties properties, boolean hmrActive, ResourceLoader resourceLoader) {
		if (hmrActive) {
			List<Path> roots = existingRoots(properties.getSourceRoots());
			if (!roots.isEmpty()) {
				logger
					.info("Velocity HMR serving front-end sources from " + roots + " at " + properties.getPath() + "/");
				return new FileSystemModuleSources(roots);
			}
		}
		logger.debug("Velocity HMR serving front-end sources from " + properties.getClasspathLocation() + " at "
				+ properties.getPath() + "/");
		return new ClasspathModuleSources(resourceLoader, properties.getClasspathLocation());
	}

	private static List<Path> existingRoots(List<String> configured) {
		SourceRoots resolved = SourceRoots.of(configured);
		List<Path> roots = resolved.existing();
		List<Path> missing = resolved.missing();
		if (!missing.isEmpty()) {
			logger.warn("Velocity HMR source root" + ((missing.size() > 1) ? "s " : " ") + missing
					+ " not found (working directory " + Path.of("").toAbsolutePath()
					+ "); set velocity.hmr.source-roots"
					+ (roots.isEmpty() ? ". Serving front-end sources from the classpath, without watching" : ""));
		}
		return roots;
	}

}

package io.velocity.hmr.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * {@link ModuleSources} that reads files from source root directories on disk, as in
 * development. A file is only returned when its real path, after following symbolic
 * links, is still inside the root it was found in, and never when it is
 * {@link ServedFiles#isDenied(String) denied}.
 */
public class FileSystemModuleSources implements ModuleSources {

	private final List<Path> roots;

	/**
	 * Create a new instance over the given existing directories.
	 * @param roots the source root directories, in lookup order
	 */
	public FileSystemModuleSources(List<Path> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = roots.stream().map(FileSystemModuleSources::realDirectory).toList();
	}

	@Override
	public Optional<ModuleSource> find(String path) {
		return locate(path).flatMap((file) -> read(ModulePaths.safe(path).orElseThrow(), file));
	}

	@Override
	public boolean exists(String path) {
		return locate(path).isPresent();
	}

	@Override
	public List<Path> roots() {
		return this.roots;
	}

	private Optional<Path> locate(String path) {
		Optional<String> safe = ModulePaths.safe(path);
		if (safe.isEmpty() || ServedFiles.isDenied(safe.get())) {
			return Optional.empty();
		}
		for (Path root : this.roots) {
			Path candidate = root.resolve(safe.get()).normalize();
			if (candidate.startsWith(root) && Files.isRegularFile(candidate) && isInside(root, candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static boolean isInside(Path root, Path candidate) {
		try {
			return candidate.toRealPath().startsWith(root);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<ModuleSource> read(String path, Path file) {
		try {
			return Optional.of(new ModuleSource(path, Files.readAllBytes(file), file));
		}
		catch (NoSuchFileException ex) {
			// Deleted between the lookup and the read: the same as never there.
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read front-end module " + file, ex);
		}
	}

	private static Path realDirectory(Path root) {
		try {
			return root.toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Source root " + root + " does not exist", ex);
		}
	}

}

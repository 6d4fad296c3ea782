package io.velocity.hmr.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a package in a {@code node_modules} directory. A path is joined to the
 * package's real directory and the file's real path must stay inside it, so neither
 * {@code ..} nor a symbolic link reads anything else.
 */
final class DirectoryPackageFiles implements PackageFiles {

	private final Path root;

	/**
	 * Create a new instance.
	 * @param root the package's directory, a real path
	 */
	DirectoryPackageFiles(Path root) {
		this.root = root;
	}

	@Override
	public boolean isFile(String path) {
		return file(path).isPresent();
	}

	@Override
	public Optional<byte[]> read(String path) {
		Optional<Path> file = file(path);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readAllBytes(file.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read " + file.get(), ex);
		}
	}

	@Override
	public String location() {
		return this.root.toString();
	}

	Path root() {
		return this.root;
	}

	@Override
	public Optional<Path> directory() {
		return Optional.of(this.root);
	}

	@Override
	public Collection<String> list() {
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> this.root.relativize(file).toString().replace('\\', '/'))
				.filter((path) -> !path.startsWith("node_modules/"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list " + this.root, ex);
		}
	}

	private Optional<Path> file(String path) {
		if (PackagePaths.safe(path).isEmpty()) {
			return Optional.empty();
		}
		Path file = this.root.resolve(path);
		try {
			if (!Files.isRegularFile(file)) {
				return Optional.empty();
			}
			Path real = file.toRealPath();
			// A package manager may link the package's directory, never a file in it out.
			return real.startsWith(this.root) ? Optional.of(real) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}

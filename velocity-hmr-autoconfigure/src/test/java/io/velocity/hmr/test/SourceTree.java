package io.velocity.hmr.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of a front-end source tree that a test edits the way a developer does: real
 * writes to real files, which the watcher picks up. It remembers what each file held
 * before its first change since the last {@link #keepChanges() keepChanges()}, so that a
 * test which fails half-way can be undone ({@link #undoChanges()}) instead of leaving a
 * broken file to the tests after it.
 */
public final class SourceTree {

	private final Path root;

	/** Content before the first change, empty for a file that did not exist. */
	private final Map<String, Optional<String>> before = new LinkedHashMap<>();

	private SourceTree(Path root) {
		this.root = root;
	}

	/**
	 * Copy a source tree into a directory.
	 * @param source the tree to copy
	 * @param target an empty or missing directory
	 * @return the copy
	 */
	public static SourceTree copy(Path source, Path target) {
		try {
			Files.createDirectories(target);
			FileSystemUtils.copyRecursively(source, target);
			return new SourceTree(target.toRealPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A tree of existing files, edited where it is.
	 * @param root the root directory
	 * @return the tree
	 */
	public static SourceTree at(Path root) {
		try {
			return new SourceTree(root.toRealPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The root directory, to configure as the source root.
	 * @return the root
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * Replace text in a file, failing if the text is not there.
	 * @param path the file's path relative to the root
	 * @param from the text to replace
	 * @param to the replacement
	 */
	public void edit(String path, String from, String to) {
		String content = read(path);
		assertThat(content).as("%s contains the text to edit", path).contains(from);
		write(path, content.replace(from, to));
	}

	public String read(String path) {
		try {
			return Files.readString(this.root.resolve(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(String path, String content) {
		remember(path);
		writeFile(path, content);
	}

	private void writeFile(String path, String content) {
		try {
			Path file = this.root.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void delete(String path) {
		remember(path);
		deleteFile(path);
	}

	private void deleteFile(String path) {
		try {
			Files.delete(this.root.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void rename(String from, String to) {
		remember(from);
		remember(to);
		try {
			Files.move(this.root.resolve(from), this.root.resolve(to), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Take the changes made so far as the tree's state: {@link #undoChanges()} goes back
	 * to here.
	 */
	public void keepChanges() {
		this.before.clear();
	}

	/**
	 * Put back every file changed since {@link #keepChanges()} (or since the tree was
	 * made) that does not hold what it held then.
	 * @return the paths put back, in the order they were first changed
	 */
	public List<String> undoChanges() {
		List<String> undone = new ArrayList<>();
		this.before.forEach((path, content) -> {
			Optional<String> now = current(path);
			if (!now.equals(content)) {
				undone.add(path);
				content.ifPresentOrElse((text) -> writeFile(path, text), () -> deleteFile(path));
			}
		});
		this.before.clear();
		return undone;
	}

	private void remember(String path) {
		this.before.computeIfAbsent(path, this::current);
	}

	private Optional<String> current(String path) {
		return Files.isRegularFile(this.root.resolve(path)) ? Optional.of(read(path)) : Optional.empty();
	}

}

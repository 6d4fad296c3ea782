package io.velocity.hmr.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Configured directories (source roots, page roots) resolved the one way every part of
 * Velocity HMR resolves them: relative to the working directory, made absolute and
 * normalized, and split into those that exist and those that do not.
 *
 * @param existing the directories that exist, in the configured order
 * @param missing the directories that do not exist, in the configured order
 */
public record SourceRoots(List<Path> existing, List<Path> missing) {

	public SourceRoots {
		existing = List.copyOf(existing);
		missing = List.copyOf(missing);
	}

	/**
	 * Every directory, existing or not, in the configured order.
	 * @return the directories
	 */
	public List<Path> all() {
		List<Path> all = new ArrayList<>(this.existing);
		all.addAll(this.missing);
		return all;
	}

	/**
	 * Resolve configured directories.
	 * @param configured the directories as configured, relative or absolute
	 * @return the resolved directories
	 */
	public static SourceRoots of(List<String> configured) {
		List<Path> existing = new ArrayList<>();
		List<Path> missing = new ArrayList<>();
		for (String directory : configured) {
			Path path = Path.of(directory).toAbsolutePath().normalize();
			(Files.isDirectory(path) ? existing : missing).add(path);
		}
		return new SourceRoots(existing, missing);
	}

}

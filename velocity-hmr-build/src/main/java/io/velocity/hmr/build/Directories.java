package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.velocity.hmr.source.ModuleKind;

/**
 * The few file operations of a build: a directory emptied before it is written (no stale
 * hashed file survives a build), and the source roots' other files copied into the stage
 * (style sheets, JSON, images), where the compiled modules and esbuild find them by
 * relative path. Folders that never hold sources are skipped.
 */
final class Directories {

	private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "dist", "target");

	private Directories() {
	}

	static void clear(Path directory) throws IOException {
		if (Files.exists(directory)) {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		Files.createDirectories(directory);
	}

	/**
	 * Copy every file but scripts from the roots into a directory; the first root that
	 * has a path wins, as when serving.
	 */
	static void copyNonScripts(List<Path> roots, Path target) throws IOException {
		List<Path> lastFirst = new ArrayList<>(roots);
		Collections.reverse(lastFirst);
		for (Path root : lastFirst) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					return (!dir.equals(root) && (SKIPPED.contains(dir.getFileName().toString())
							|| dir.getFileName().toString().startsWith("."))) ? FileVisitResult.SKIP_SUBTREE
									: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					String relative = root.relativize(file).toString().replace('\\', '/');
					if (ModuleKind.of(relative) != ModuleKind.SCRIPT) {
						Path copy = target.resolve(relative);
						Files.createDirectories(copy.getParent());
						Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
	}

}

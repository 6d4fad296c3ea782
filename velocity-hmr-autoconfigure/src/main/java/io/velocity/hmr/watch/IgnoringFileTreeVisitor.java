package io.velocity.hmr.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import io.methvin.watcher.visitor.FileTreeVisitor;

/**
 * {@link FileTreeVisitor} that never enters ignored folders, so that directory-watcher
 * neither hashes nor registers watches for {@code node_modules} and the like. Files that
 * vanish during the walk are skipped.
 *
 * @author Velocity HMR
 */
final class IgnoringFileTreeVisitor implements FileTreeVisitor {

	private final IgnoreRules rules;

	IgnoringFileTreeVisitor(IgnoreRules rules) {
		this.rules = rules;
	}

	@Override
	public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
		if (this.rules.isIgnored(start)) {
			return;
		}
		Files.walkFileTree(start, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				if (!dir.equals(start) && IgnoringFileTreeVisitor.this.rules.isIgnored(dir)) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				onDirectory.call(dir);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!IgnoringFileTreeVisitor.this.rules.isIgnored(file)) {
					onFile.call(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				// Deleted or unreadable while walking: its own events tell the rest.
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) {
				return FileVisitResult.CONTINUE;
			}

		});
	}

}

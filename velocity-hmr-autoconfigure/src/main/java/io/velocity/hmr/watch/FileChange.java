package io.velocity.hmr.watch;

import java.nio.file.Path;

import org.springframework.util.Assert;

/**
 * A change to one source file, as reported in a {@link ChangeSet}.
 *
 * @param file the absolute path of the file, under one of the watched roots
 * @param kind the kind of change
 * @author Velocity HMR
 */
public record FileChange(Path file, Kind kind) {

	public FileChange {
		Assert.notNull(file, "'file' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
	}

	@Override
	public String toString() {
		return this.kind + " " + this.file;
	}

	/**
	 * The kind of a {@link FileChange}.
	 */
	public enum Kind {

		/**
		 * The file did not exist before and exists now.
		 */
		CREATED,

		/**
		 * The file existed before and its content changed.
		 */
		MODIFIED,

		/**
		 * The file existed before and no longer exists.
		 */
		DELETED

	}

}

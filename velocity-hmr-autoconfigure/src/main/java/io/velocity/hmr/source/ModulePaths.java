package io.velocity.hmr.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks and normalizes module paths taken from URLs and import specifiers. A safe path
 * is relative, uses '/', and has no empty, '.' or '..' segments, so it can never name a
 * file outside a source root however it is joined to one.
 */
public final class ModulePaths {

	private ModulePaths() {
	}

	/**
	 * Return the given path, without a leading '/', if it is safe to join to a source
	 * root.
	 * @param path a decoded path such as {@code components/Counter.tsx}
	 * @return the safe relative path, or empty when the path could leave the root
	 */
	public static Optional<String> safe(String path) {
		if (path == null) {
			return Optional.empty();
		}
		String relative = path.startsWith("/") ? path.substring(1) : path;
		if (relative.isEmpty() || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0
				|| relative.indexOf(':') >= 0 || relative.startsWith("/")) {
			return Optional.empty();
		}
		for (String segment : relative.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				return Optional.empty();
			}
		}
		return Optional.of(relative);
	}

	/**
	 * Resolve a relative reference ({@code ./x.js}, {@code ../lib}) against the folder of
	 * a file, as a URL is resolved: empty and '.' segments are dropped, '..' goes one
	 * folder up.
	 * @param file a file's path, such as {@code components/Counter.tsx}
	 * @param relative the reference
	 * @return the resolved path ({@code ""} for the root), or empty when a '..' would
	 * leave the root
	 */
	public static Optional<String> resolveSibling(String file, String relative) {
		Deque<String> segments = new ArrayDeque<>(List.of(file.split("/")));
		segments.removeLast();
		return normalize(segments, relative);
	}

	/**
	 * Normalize a relative path ({@code ./dist/index.js}) as
	 * {@link #resolveSibling(String, String)} does, from the root.
	 * @param relative the path
	 * @return the normalized path ({@code ""} for the root), or empty when a '..' would
	 * leave the root
	 */
	public static Optional<String> normalize(String relative) {
		return normalize(new ArrayDeque<>(), relative);
	}

	private static Optional<String> normalize(Deque<String> segments, String relative) {
		for (String segment : relative.split("/")) {
			if (segment.equals("..")) {
				if (segments.isEmpty()) {
					return Optional.empty();
				}
				segments.removeLast();
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.addLast(segment);
			}
		}
		return Optional.of(String.join("/", segments));
	}

	/**
	 * Return the file name extension of a path, lower case, without the dot.
	 * @param path a module path
	 * @return the extension or an empty string
	 */
	public static String extension(String path) {
		int slash = path.lastIndexOf('/');
		int dot = path.lastIndexOf('.');
		return (dot > slash + 1) ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

}

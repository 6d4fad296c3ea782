package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.AntPathMatcher;

/**
 * Decides which paths under the source roots are not watched.
 * <p>
 * Always ignored:
 * <ul>
 * <li>any path with a segment named {@code node_modules}, {@code .git}, {@code dist} or
 * {@code target}, at any depth below a root;</li>
 * <li>editor temporary and backup files, by name: {@code *~} (Vim, Emacs, Gedit backups),
 * {@code .*.swp}, {@code .*.swo}, {@code .*.swx} (Vim swap), {@code 4913} (Vim's write
 * probe), {@code .#*} (Emacs locks), {@code #*#} (Emacs auto-save), {@code *.tmp},
 * {@code *___jb_tmp___}, {@code *___jb_old___} (IntelliJ safe write),
 * {@code .goutputstream-*} (Gedit) and {@code .DS_Store}.</li>
 * </ul>
 * Configured patterns are Ant-style ({@link AntPathMatcher}) and matched against the path
 * relative to its root with {@code /} as separator, and against each of its parent
 * folders, so that {@code generated} or {@code legacy/**} ignore a whole folder and
 * {@code **}{@code /*.test.tsx} ignores files at any depth, including the root.
 *
 * @author Velocity HMR
 */
final class IgnoreRules {

	private static final Set<String> IGNORED_SEGMENTS = Set.of("node_modules", ".git", "dist", "target");

	private static final Set<String> IGNORED_NAMES = Set.of("4913", ".DS_Store");

	private final List<Path> roots;

	private final List<String> patterns;

	private final AntPathMatcher matcher = new AntPathMatcher();

	IgnoreRules(List<Path> roots, List<String> patterns) {
		this.roots = roots;
		this.patterns = patterns.stream().map(IgnoreRules::withoutLeadingSlash).toList();
	}

	/**
	 * Return whether the given file or folder is ignored. Paths outside every root are
	 * ignored; a root itself never is.
	 * @param path the absolute path
	 * @return whether the path is ignored
	 */
	boolean isIgnored(Path path) {
		Path root = rootOf(path);
		if (root == null) {
			return true;
		}
		Path relative = root.relativize(path);
		if (relative.toString().isEmpty()) {
			return false;
		}
		for (Path segment : relative) {
			if (IGNORED_SEGMENTS.contains(segment.toString())) {
				return true;
			}
		}
		return isEditorTemporary(relative.getFileName().toString()) || matchesPattern(relative);
	}

	@Nullable Path rootOf(Path path) {
		for (Path root : this.roots) {
			if (path.startsWith(root)) {
				return root;
			}
		}
		return null;
	}

	static boolean isEditorTemporary(String name) {
		return IGNORED_NAMES.contains(name) || name.endsWith("~") || name.endsWith(".tmp") || name.startsWith(".#")
				|| (name.length() > 1 && name.startsWith("#") && name.endsWith("#"))
				|| (name.startsWith(".") && (name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx")))
				|| name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___") || name.startsWith(".goutputstream-");
	}

	private boolean matchesPattern(Path relative) {
		if (this.patterns.isEmpty()) {
			return false;
		}
		StringBuilder prefix = new StringBuilder();
		for (Path segment : relative) {
			if (!prefix.isEmpty()) {
				prefix.append('/');
			}
			prefix.append(segment);
			for (String pattern : this.patterns) {
				if (this.matcher.match(pattern, prefix.toString())) {
					return true;
				}
			}
		}
		return false;
	}

	private static String withoutLeadingSlash(String pattern) {
		String trimmed = pattern.trim().replace('\\', '/');
		return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
	}

}

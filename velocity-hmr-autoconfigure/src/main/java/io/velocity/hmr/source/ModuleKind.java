package io.velocity.hmr.source;

import java.util.Set;

/**
 * What a file under a source root is to the front end, told by its name: a script that
 * compiles to an ES module, a style sheet, or any other file served as it is. The
 * watcher's classifier, the compiler and the module handler all ask here, so they agree.
 */
public enum ModuleKind {

	/**
	 * TypeScript, TSX, JSX or JavaScript ({@code .ts .tsx .jsx .js .mjs}): compiled to a
	 * browser ES module.
	 */
	SCRIPT,

	/**
	 * A style sheet ({@code .css}): served as it is to a {@code <link>}, and as a module
	 * that injects it to an {@code import}.
	 */
	STYLE_SHEET,

	/**
	 * Any other file (an image, JSON, a font): served as it is.
	 */
	ASSET;

	private static final Set<String> SCRIPT_EXTENSIONS = Set.of("ts", "tsx", "jsx", "js", "mjs");

	/**
	 * Return the kind of a module path.
	 * @param path a module path such as {@code components/Counter.tsx}
	 * @return its kind
	 */
	public static ModuleKind of(String path) {
		String extension = ModulePaths.extension(path);
		if (SCRIPT_EXTENSIONS.contains(extension)) {
			return SCRIPT;
		}
		return extension.equals("css") ? STYLE_SHEET : ASSET;
	}

	/**
	 * Whether a path names a module the compiler writes: a script or a style sheet.
	 * @param path a module path
	 * @return whether it is not an {@link #ASSET}
	 */
	public static boolean isCompiled(String path) {
		return of(path) != ASSET;
	}

}

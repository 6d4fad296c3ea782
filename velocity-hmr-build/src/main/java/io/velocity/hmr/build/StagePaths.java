package io.velocity.hmr.build;

import java.nio.file.Path;

import io.velocity.hmr.compile.AssetModules;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.source.ModuleKind;

/**
 * Where each URL the compiled code imports is written in the stage directory, which
 * mirrors the URL space: {@code /frontend/App.tsx} at {@code frontend/App.tsx} (as
 * JavaScript), {@code /__velocity/runtime.js} at {@code __velocity/runtime.js}. A style
 * sheet or JSON file imported as a module is the file itself, for esbuild to extract or
 * read; {@code ?raw} and {@code ?url} imports are modules of their own beside it. Imports
 * are written as paths relative to the importer, so esbuild follows the same graph the
 * server would serve.
 */
final class StagePaths {

	private final Path stage;

	StagePaths(Path stage) {
		this.stage = stage;
	}

	Path root() {
		return this.stage;
	}

	/**
	 * Return where a URL is staged.
	 * @param url a URL path that was checked to be safe, perhaps with a query
	 * @return the file
	 */
	Path of(String url) {
		String path = ModuleVersions.withoutQuery(url);
		Path file = this.stage.resolve(path.substring(1));
		String query = query(url);
		if (query.equals(AssetModules.RAW_QUERY)) {
			return sibling(file, ".raw.js");
		}
		if (query.equals(AssetModules.URL_QUERY) || (query.equals(ModuleCompiler.STYLE_IMPORT_QUERY)
				&& ModuleKind.of(path) == ModuleKind.ASSET && !path.endsWith(".json"))) {
			return sibling(file, ".url.js");
		}
		return file;
	}

	/**
	 * Return the specifier an importer writes for a staged URL.
	 * @param importer the importer's URL
	 * @param target the imported URL
	 * @return a relative specifier, {@code ./x.js} or {@code ../y/z.js}
	 */
	String specifier(String importer, String target) {
		String relative = of(importer).getParent().relativize(of(target)).toString().replace('\\', '/');
		return relative.startsWith("../") ? relative : "./" + relative;
	}

	static String query(String url) {
		int start = url.indexOf('?');
		if (start < 0) {
			return "";
		}
		int end = url.indexOf('#', start);
		return url.substring(start + 1, (end >= 0) ? end : url.length());
	}

	private static Path sibling(Path file, String suffix) {
		return file.resolveSibling(file.getFileName() + suffix);
	}

}

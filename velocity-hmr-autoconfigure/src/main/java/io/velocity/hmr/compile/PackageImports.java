package io.velocity.hmr.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ImportResolver.UnresolvedImportException;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolutionException;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PathAliases;

/**
 * How an application module's bare specifiers resolve, for the {@link ImportResolver}:
 * {@code tsconfig.json} path aliases to modules of the application, anything else to a
 * package's file, served at its versioned URL ({@link PackageModules#importUrl}).
 */
public final class PackageImports {

	/**
	 * No packages and no aliases: bare specifiers other than the runtime's are errors.
	 */
	public static final PackageImports NONE = new PackageImports(null, null, PathAliases.NONE);

	private final @Nullable PackageResolver packages;

	private final @Nullable PackageModules modules;

	private final PathAliases aliases;

	/**
	 * Create a new instance.
	 * @param packages the package resolver, or {@code null} for none
	 * @param modules compiles a package's entry as soon as an import resolves to it, so
	 * that what keeps it from loading (a Node-only import, a syntax error) is the
	 * importer's compile problem; {@code null} to leave that to the request
	 * @param aliases the path aliases
	 */
	public PackageImports(@Nullable PackageResolver packages, @Nullable PackageModules modules, PathAliases aliases) {
		this.packages = packages;
		this.modules = modules;
		this.aliases = aliases;
	}

	/**
	 * The module paths a specifier stands for by a path alias.
	 * @param specifier the specifier
	 * @return the paths, in the order to try them; empty when no alias matches
	 */
	List<String> aliased(String specifier) {
		return this.aliases.resolve(specifier);
	}

	/**
	 * Resolve a bare specifier to the URL of a package's file.
	 * @param importer the importing module's path
	 * @param specifier the specifier
	 * @param roots the source roots on disk, where the importer's {@code node_modules}
	 * are looked for
	 * @return the URL
	 * @throws UnresolvedImportException if it names no file of a package
	 */
	String resolve(String importer, String specifier, List<Path> roots) throws UnresolvedImportException {
		if (this.packages == null) {
			throw new UnresolvedImportException(
					"bare imports other than 'velocity' are not supported (no package resolution configured)");
		}
		PackageFile file;
		try {
			file = this.packages.resolve(specifier, directory(importer, roots));
		}
		catch (PackageResolutionException ex) {
			throw new UnresolvedImportException(ex.getMessage());
		}
		if (this.modules != null && PackageModules.isScript(file)) {
			try {
				this.modules.compile(file);
			}
			catch (CompileProblemException ex) {
				throw new UnresolvedImportException("it resolves to " + file + ", which cannot be served: "
						+ ex.getProblem().message() + " (" + ex.getProblem().file() + ":" + ex.getProblem().line() + ":"
						+ ex.getProblem().column() + ")");
			}
		}
		return PackageModules.importUrl(file);
	}

	private static @Nullable Path directory(String importer, List<Path> roots) {
		for (Path root : roots) {
			Path file = root.resolve(importer);
			if (Files.exists(file)) {
				return file.getParent();
			}
		}
		return roots.isEmpty() ? null : roots.get(0).resolve(importer).getParent();
	}

}

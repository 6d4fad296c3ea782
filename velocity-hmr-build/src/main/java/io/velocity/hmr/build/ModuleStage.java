package io.velocity.hmr.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.AssetModules;
import io.velocity.hmr.compile.CompileLimits;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileProblem;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.ImportSpecifiers;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.ModuleImport;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.compile.PackageModules;
import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.NpmPackage;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PackageUrls;
import io.velocity.hmr.resolve.PathAliases;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Compiles every module reachable from the entries into the stage directory
 * ({@link StagePaths}), exactly as the server compiles it in production: TypeScript and
 * JSX by swc and Velocity's JSX compiler, specifiers resolved (runtime, relative files,
 * path aliases, packages from the classpath or {@code node_modules}), packages' CommonJS
 * wrapped. Only the written specifiers differ: paths relative to the importer instead of
 * URLs. Problems are collected, not thrown one at a time, so a build reports all of them.
 */
final class ModuleStage {

	private final BuildSettings settings;

	private final StagePaths paths;

	private final StagedAssets assets;

	private final ModuleUrls urls;

	private final FileSystemModuleSources sources;

	private final CompileService compileService;

	private final ModuleCompiler compiler;

	private final PackageResolver packages;

	private final PackageModules packageModules;

	private final ImportSpecifiers specifiers = new ImportSpecifiers();

	// Touched by one thread at a time, between the parallel steps.
	private final Set<String> staged = new HashSet<>();

	private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

	ModuleStage(BuildSettings settings, StagePaths paths, StagedAssets assets, ClassLoader applicationClasspath) {
		this.settings = settings;
		this.paths = paths;
		this.assets = assets;
		this.urls = new ModuleUrls(settings.urlPrefix());
		this.sources = new FileSystemModuleSources(settings.sourceRoots());
		ImportMetaEnv env = ImportMetaEnv.of(false, "/", settings.env());
		this.packages = new PackageResolver(ClasspathPackageIndex.scan(applicationClasspath), true);
		this.packageModules = new PackageModules(this.packages, null, false, env);
		PathAliases aliases = PathAliases.read(settings.tsconfig(), settings.sourceRoots());
		this.compiler = new ModuleCompiler(this.sources, this.urls, CompileMode.PRODUCTION,
				new PackageImports(this.packages, this.packageModules, aliases), env, CompileLimits.DEFAULT);
		this.compileService = new CompileService(this.sources, this.compiler);
	}

	/**
	 * Whether a module path exists in a source root.
	 * @param url an entry's URL
	 * @return whether it names a file
	 */
	boolean exists(String url) {
		return this.urls.toPath(url).map(this.sources::exists).orElse(false);
	}

	/**
	 * Stage the modules reachable from the entries, breadth first: the modules found at
	 * one step are compiled in parallel (each compile runs on a compile thread of its
	 * own), so a build uses every core.
	 * @param entries the entry URLs
	 * @return the problems, as {@code file:line:col message}, sorted; empty when all
	 * compiled
	 * @throws IOException if the stage cannot be written
	 */
	List<String> stage(List<String> entries) throws IOException {
		List<String> next = entries.stream().distinct().filter(this.staged::add).toList();
		while (!next.isEmpty()) {
			List<List<String>> imports;
			try {
				imports = next.parallelStream().map(this::stageOrRecord).toList();
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			next = imports.stream().flatMap(List::stream).distinct().filter(this.staged::add).toList();
		}
		List<String> sorted = new ArrayList<>(this.problems);
		Collections.sort(sorted);
		return sorted;
	}

	private List<String> stageOrRecord(String url) {
		try {
			return stageOne(url);
		}
		catch (CompileProblemException ex) {
			this.problems.add(describe(ex.getProblem()));
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> stageOne(String url) throws IOException {
		String path = ModuleVersions.withoutQuery(url);
		String query = StagePaths.query(url);
		Optional<String> modulePath = this.urls.toPath(path);
		if (modulePath.isPresent()) {
			return stageApplicationFile(url, modulePath.get(), query);
		}
		if (PackageUrls.isPackageUrl(path)) {
			return stagePackageFile(url, path, query);
		}
		// The runtime is staged whole, and anything else (a full URL, a path outside the
		// modules) is left to the browser.
		return List.of();
	}

	private List<String> stageApplicationFile(String url, String path, String query) throws IOException {
		ModuleKind kind = ModuleKind.of(path);
		if (kind == ModuleKind.SCRIPT && query.isEmpty()) {
			Optional<AnalyzedModule> analyzed = this.compileService.analyze(path);
			if (analyzed.isEmpty()) {
				throw new CompileProblemException(new CompileProblem(path, 0, 0, "no such module", ""));
			}
			AnalyzedModule module = analyzed.get();
			this.compileService.checkLinks(module);
			write(url, this.compiler.emit(module, relativeTo(url)).code());
			return module.imports().stream().map(ModuleImport::url).toList();
		}
		if (query.equals(AssetModules.RAW_QUERY)) {
			write(url, AssetModules.raw(new String(read(path), StandardCharsets.UTF_8)));
		}
		else if (!this.paths.of(url).equals(this.paths.of(ModuleVersions.withoutQuery(url)))) {
			write(url, AssetModules.url(this.assets.add(path, read(path))));
		}
		// Style sheets and JSON files are in the stage as they are, for esbuild.
		return List.of();
	}

	private List<String> stagePackageFile(String url, String path, String query) throws IOException {
		Optional<PackageUrls.Location> location = PackageUrls.parse(path);
		Optional<NpmPackage> pkg = location.flatMap((found) -> this.packages.find(found.id()));
		if (pkg.isEmpty() || !pkg.get().files().isFile(location.get().path())) {
			throw new CompileProblemException(new CompileProblem(path, 0, 0, "no such package file", ""));
		}
		PackageFile file = new PackageFile(pkg.get(), location.get().path());
		byte[] content = pkg.get().files().read(file.path()).orElse(new byte[0]);
		if (PackageModules.isScript(file)) {
			List<String> imports = new ArrayList<>();
			String code = this.specifiers.rewrite(this.packageModules.compile(file), path, (specifier) -> {
				imports.add(specifier);
				return relativeTo(url).apply(specifier);
			});
			write(url, code);
			return imports;
		}
		if (query.equals(AssetModules.RAW_QUERY)) {
			write(url, AssetModules.raw(new String(content, StandardCharsets.UTF_8)));
		}
		else if (!this.paths.of(url).equals(this.paths.of(path))) {
			write(url, AssetModules.url(this.assets.add(file.path(), content)));
		}
		else {
			Files.createDirectories(this.paths.of(path).getParent());
			Files.write(this.paths.of(path), content);
		}
		return List.of();
	}

	/**
	 * Writes each staged import as a path relative to the importer; anything else (a full
	 * URL) as it is.
	 */
	private UnaryOperator<String> relativeTo(String importer) {
		return (target) -> isStaged(target) ? this.paths.specifier(importer, target) : target;
	}

	private boolean isStaged(String url) {
		String path = ModuleVersions.withoutQuery(url);
		return this.urls.toPath(path).isPresent() || PackageUrls.parse(path).isPresent()
				|| RuntimeFiles.isRuntimeUrl(path);
	}

	private byte[] read(String path) {
		return this.sources.find(path)
			.map(ModuleSource::content)
			.orElseThrow(() -> new CompileProblemException(new CompileProblem(path, 0, 0, "no such file", "")));
	}

	private void write(String url, String code) throws IOException {
		Path file = this.paths.of(url);
		Files.createDirectories(file.getParent());
		Files.writeString(file, code, StandardCharsets.UTF_8);
	}

	/**
	 * A problem with its file named from the project directory, so that a terminal or an
	 * IDE links to it.
	 */
	private String describe(CompileProblem problem) {
		String file = problem.file();
		for (Path root : this.settings.sourceRoots()) {
			if (Files.exists(root.resolve(file))) {
				file = this.settings.projectDirectory().relativize(root.resolve(file)).toString().replace('\\', '/');
				break;
			}
		}
		return file + ":" + problem.line() + ":" + problem.column() + " " + problem.message();
	}

}

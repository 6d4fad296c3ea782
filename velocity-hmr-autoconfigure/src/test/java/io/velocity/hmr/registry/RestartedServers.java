package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import org.springframework.util.FileSystemUtils;

/**
 * A three-module app (an entry, a component, a label) and the servers a test starts on it
 * one after another, as restarted JVMs would: each with a compiler and a bundler of its
 * own, all keeping their analyses in one directory. An extension: each test gets new
 * directories, and the caches are flushed and the directories deleted after it.
 */
final class RestartedServers implements BeforeEachCallback, AfterEachCallback {

	static final String ENTRY = "/frontend/main.tsx";

	static final ModuleUrls URLS = new ModuleUrls("/frontend");

	private Path root;

	private Path cacheDirectory;

	private final List<AnalysisCache> caches = new ArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.root = Files.createTempDirectory("velocity-app");
		this.cacheDirectory = Files.createTempDirectory("velocity-kept");
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		this.caches.forEach(AnalysisCache::flush);
		this.caches.clear();
		FileSystemUtils.deleteRecursively(this.root);
		FileSystemUtils.deleteRecursively(this.cacheDirectory);
	}

	Path file(String path) {
		return this.root.resolve(path);
	}

	Path cacheDirectory() {
		return this.cacheDirectory;
	}

	void writeApp() throws IOException {
		write("main.tsx", "import { App } from './App';\nimport { label } from './label';\n"
				+ "document.title = label;\ndocument.body.append(<App />);\n");
		write("App.tsx", "import { label } from './label';\nexport function App() { return <p>{label}</p>; }\n");
		write("label.ts", "export const label = 'Hello';\n");
	}

	void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content, StandardCharsets.UTF_8);
	}

	ModuleSources files() {
		return new FileSystemModuleSources(List.of(this.root));
	}

	/**
	 * Keep a new server's analyses in the shared directory, or in the given cache.
	 * @param compiler the server's compiler
	 * @param given a cache of other settings, or {@code null}
	 * @return the cache
	 */
	AnalysisCache keepAnalyses(ModuleCompiler compiler, @Nullable AnalysisCache given) {
		AnalysisCache cache = (given != null) ? given : new AnalysisCache(this.cacheDirectory, compiler.fingerprint());
		this.caches.add(cache);
		compiler.setAnalysisCache(cache);
		return cache;
	}

	/**
	 * Return a new server's bundler, keeping what it writes beside its analyses.
	 */
	static PageBundler bundler(ModuleSources sources, ModuleCompiler compiler, AnalysisCache cache,
			@Nullable ModuleGraph graph, RegistryWriter writer) {
		PageBundler bundler = new PageBundler(new CompileService(sources, compiler), URLS, graph, writer);
		bundler.setAnalysisCache(cache);
		return bundler;
	}

}

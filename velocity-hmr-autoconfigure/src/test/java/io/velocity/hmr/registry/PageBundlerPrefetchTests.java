package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for collecting a bundle ahead of its request ({@link PageBundler#prefetch},
 * {@link PageBundler#prefetchKeptEntries}): the request takes the graph collected
 * meanwhile rather than collecting it a second time, and a restarted server starts on the
 * pages the last run served as soon as it is ready.
 */
class PageBundlerPrefetchTests {

	private static final String ENTRY = "/frontend/main.tsx";

	@TempDir
	Path root;

	@TempDir
	Path cacheDirectory;

	private final List<AnalysisCache> caches = new ArrayList<>();

	@AfterEach
	void flushEveryCache() {
		this.caches.forEach(AnalysisCache::flush);
	}

	@Test
	void theBundlesRequestTakesTheGraphCollectedAsThePageWasServed() throws IOException {
		writeApp();
		Server collectedOnce = start(null);
		String bundle = collectedOnce.bundle();
		int readsOfOneCollection = collectedOnce.reads().get();

		Server server = start(null);
		String page = new BundleEntryTags("/frontend", (html, nonce) -> html, server.bundler())
			.transform("<script type=\"module\" src=\"" + ENTRY + "\"></script>", null);
		assertThat(page).contains(BundleText.url(ENTRY, ""));
		assertThat(server.bundle()).isEqualTo(bundle);
		assertThat(server.reads()).as("modules read").hasValue(readsOfOneCollection);
	}

	@Test
	void withoutAPrefetchTheRequestCollectsTheGraph() throws IOException {
		writeApp();
		Server server = start(null);
		server.bundle();
		int readsOfOneCollection = server.reads().get();
		server.bundle();
		assertThat(server.reads().get()).as("modules read").isGreaterThan(readsOfOneCollection);
	}

	@Test
	void aRestartedServerCollectsThePagesTheLastRunServedOnceReady() throws IOException {
		writeApp();
		Server first = start(null);
		String bundle = first.bundle();
		int readsOfOneCollection = first.reads().get();
		first.cache().flush();

		Server restarted = start(null);
		restarted.bundler().prefetchKeptEntries();
		assertThat(restarted.bundle()).isEqualTo(bundle);
		// Not collected twice (from the page kept whole, whose sources are only
		// checked, it reads fewer).
		assertThat(restarted.reads().get()).as("modules read").isLessThanOrEqualTo(readsOfOneCollection);
	}

	private void writeApp() throws IOException {
		write("main.tsx", "import { App } from './App';\nimport { label } from './label';\n"
				+ "document.title = label;\ndocument.body.append(<App />);\n");
		write("App.tsx", "import { label } from './label';\nexport function App() { return <p>{label}</p>; }\n");
		write("label.ts", "export const label = 'Hello';\n");
	}

	private Server start(AnalysisCache given) {
		ModuleSources files = new FileSystemModuleSources(List.of(this.root));
		AtomicInteger reads = new AtomicInteger();
		ModuleSources sources = new ModuleSources() {

			@Override
			public Optional<ModuleSource> find(String path) {
				reads.incrementAndGet();
				return files.find(path);
			}

			@Override
			public boolean exists(String path) {
				return files.exists(path);
			}

			@Override
			public List<Path> roots() {
				return files.roots();
			}

		};
		ModuleUrls urls = new ModuleUrls("/frontend");
		ModuleCompiler compiler = new ModuleCompiler(sources, urls, CompileMode.HOT);
		AnalysisCache cache = (given != null) ? given : new AnalysisCache(this.cacheDirectory, compiler.fingerprint());
		this.caches.add(cache);
		compiler.setAnalysisCache(cache);
		PageBundler bundler = new PageBundler(new CompileService(sources, compiler), urls, null, new RegistryWriter());
		bundler.setAnalysisCache(cache);
		return new Server(bundler, cache, reads);
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content, StandardCharsets.UTF_8);
	}

	private record Server(PageBundler bundler, AnalysisCache cache, AtomicInteger reads) {

		String bundle() {
			PageGraph graph = this.bundler.collect(ENTRY);
			return BundleText.code(graph, true, "/map");
		}

	}

}

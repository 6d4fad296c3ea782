package io.velocity.hmr.registry;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ObservedModuleSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for collecting a bundle ahead of its request ({@link PageBundler#prefetch},
 * {@link PageBundler#prefetchKeptEntries}): the request takes the graph collected
 * meanwhile rather than collecting it a second time, and a restarted server starts on the
 * pages the last run served as soon as it is ready.
 */
class PageBundlerPrefetchTests {

	private static final String ENTRY = RestartedServers.ENTRY;

	@RegisterExtension
	final RestartedServers servers = new RestartedServers();

	@Test
	void theBundlesRequestTakesTheGraphCollectedAsThePageWasServed() throws IOException {
		this.servers.writeApp();
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
		this.servers.writeApp();
		Server server = start(null);
		server.bundle();
		int readsOfOneCollection = server.reads().get();
		server.bundle();
		assertThat(server.reads().get()).as("modules read").isGreaterThan(readsOfOneCollection);
	}

	@Test
	void aRestartedServerCollectsThePagesTheLastRunServedOnceReady() throws IOException {
		this.servers.writeApp();
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

	private Server start(AnalysisCache given) {
		ModuleSources files = this.servers.files();
		AtomicInteger reads = new AtomicInteger();
		ModuleSources sources = ObservedModuleSources.beforeEachFind(files, (path) -> reads.incrementAndGet());
		ModuleCompiler compiler = new ModuleCompiler(sources, RestartedServers.URLS, CompileMode.HOT);
		AnalysisCache cache = this.servers.keepAnalyses(compiler, given);
		PageBundler bundler = RestartedServers.bundler(sources, compiler, cache, null, new RegistryWriter());
		return new Server(bundler, cache, reads);
	}

	private record Server(PageBundler bundler, AnalysisCache cache, AtomicInteger reads) {

		String bundle() {
			PageGraph graph = this.bundler.collect(ENTRY);
			return BundleText.code(graph, true, "/map");
		}

	}

}

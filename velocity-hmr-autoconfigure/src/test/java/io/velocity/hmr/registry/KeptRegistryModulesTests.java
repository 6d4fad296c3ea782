package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.ModuleSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeptRegistryModules}: a restarted server writes the bundle of a page
 * from what the last run kept, without parsing any module, unless something it was
 * written from changed.
 */
class KeptRegistryModulesTests {

	private static final String ENTRY = RestartedServers.ENTRY;

	@RegisterExtension
	final RestartedServers servers = new RestartedServers();

	@Test
	void aRestartedServerWritesTheSameBundleWithoutParsingAnyModule() throws IOException {
		this.servers.writeApp();
		Server first = start();
		String bundle = first.bundle();
		assertThat(first.registryWrites()).hasValue(3);
		first.cache().flush();

		Server restarted = start();
		assertThat(restarted.bundle()).isEqualTo(bundle);
		assertThat(restarted.registryWrites()).as("modules parsed for their registry form").hasValue(0);
		// The page kept whole (KeptPagesTests), then the three analyses its source map
		// is written from.
		assertThat(restarted.cache().hits()).as("the kept page and three analyses read").isEqualTo(4);
	}

	@Test
	void aChangedSourceIsWrittenAfresh() throws IOException {
		this.servers.writeApp();
		Server first = start();
		first.bundle();
		first.cache().flush();
		this.servers.write("label.ts", "export const label = 'Changed';\n");

		Server restarted = start();
		assertThat(restarted.bundle()).contains("'Changed'").doesNotContain("'Hello'");
		assertThat(restarted.registryWrites()).hasValue(1);
	}

	@Test
	void anImportThatNowResolvesElsewhereIsWrittenAfresh() throws IOException {
		this.servers.writeApp();
		Server first = start();
		first.bundle();
		first.cache().flush();
		Files.delete(this.servers.file("label.ts"));
		this.servers.write("label.tsx", "export const label = 'Moved';\n");

		Server restarted = start();
		assertThat(restarted.bundle()).contains("/frontend/label.tsx").doesNotContain("\"/frontend/label.ts\"");
		// The new label module, and the two that import it.
		assertThat(restarted.registryWrites()).hasValue(3);
	}

	@Test
	void anotherCompilerDoesNotUseTheKeptForms() throws IOException {
		this.servers.writeApp();
		Server first = start();
		String bundle = first.bundle();
		first.cache().flush();

		Server other = start(new AnalysisCache(this.servers.cacheDirectory(), "another compiler"));
		assertThat(other.bundle()).isEqualTo(bundle);
		assertThat(other.registryWrites()).hasValue(3);
	}

	@Test
	void aHotUpdatesVersionIsNotKept() throws IOException {
		this.servers.writeApp();
		Server first = start();
		first.bundler().collect("/frontend/label.ts?t=5", true);
		first.cache().flush();

		Server restarted = start();
		restarted.bundler().collect("/frontend/label.ts?t=5", true);
		assertThat(restarted.registryWrites()).hasValue(1);
	}

	private Server start() {
		return start(null);
	}

	private Server start(AnalysisCache given) {
		ModuleSources sources = this.servers.files();
		ModuleCompiler compiler = new ModuleCompiler(sources, RestartedServers.URLS, CompileMode.HOT);
		AnalysisCache cache = this.servers.keepAnalyses(compiler, given);
		AtomicInteger writes = new AtomicInteger();
		RegistryWriter writer = new RegistryWriter() {

			@Override
			public RegistryModule write(String key, String compiledCode) {
				writes.incrementAndGet();
				return super.write(key, compiledCode);
			}

		};
		PageBundler bundler = RestartedServers.bundler(sources, compiler, cache, null, writer);
		return new Server(bundler, cache, writes);
	}

	private record Server(PageBundler bundler, AnalysisCache cache, AtomicInteger registryWrites) {

		String bundle() {
			PageGraph graph = this.bundler.collect(ENTRY);
			return BundleText.code(graph, true, "/map") + BundleText.sourceMap(graph);
		}

	}

}

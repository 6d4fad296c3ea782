package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileLimits;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.graph.UpdatePlan;
import io.velocity.hmr.source.ModuleSources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeptPages}: a restarted server serves a page's bundle from the graph
 * the last run kept whole, the same bytes and source map as one collected from the
 * analyses, with the same module graph for hot updates, unless a module's source, the
 * resolution of an import or the settings changed; a damaged file is never served.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeptPagesTests {

	private static final String ENTRY = RestartedServers.ENTRY;

	private static final ImportMetaEnv ENV = ImportMetaEnv.of(true, "/", Map.of("GREETING", "Hello"));

	@RegisterExtension
	final RestartedServers servers = new RestartedServers();

	@Test
	void aRestartedServerServesTheKeptPageAsACollectionWould() throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		String code = first.code();
		String map = first.map();
		first.cache().flush();

		Server restarted = start(ENV);
		assertThat(restarted.code()).isEqualTo(code);
		assertThat(restarted.cache().hits()).as("only the page read, no analysis").isEqualTo(1);
		assertThat(restarted.map()).as("every module's map, written from its analysis when asked for")
			.isEqualTo(map)
			.contains("/frontend/main.tsx", "/frontend/App.tsx", "/frontend/label.ts");
	}

	@Test
	void theKeptPageRecordsTheModuleGraphAsACollectionDoes() throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		first.code();
		first.cache().flush();

		Server restarted = start(ENV);
		restarted.code();
		assertThat(restarted.cache().hits()).isEqualTo(1);
		for (String url : List.of("/frontend/main.tsx", "/frontend/App.tsx", "/frontend/label.ts")) {
			assertThat(restarted.graph().importers(url)).as(url).isEqualTo(first.graph().importers(url));
		}
		for (String changed : List.of("/frontend/label.ts", "/frontend/App.tsx")) {
			assertThat(boundaries(restarted.graph().plan(List.of(changed), 1))).as(changed)
				.isEqualTo(boundaries(first.graph().plan(List.of(changed), 1)))
				.isInstanceOf(List.class);
		}
	}

	@Test
	void anEditedFileMakesTheRestartedServerCollectAgain() throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		first.code();
		first.cache().flush();
		this.servers.write("label.ts", "export const label = 'Changed';\n");

		Server restarted = start(ENV);
		assertThat(restarted.code()).contains("'Changed'").doesNotContain("'Hello'");
		restarted.cache().flush();

		Server again = start(ENV);
		assertThat(again.code()).as("kept again as collected").contains("'Changed'");
		assertThat(again.cache().hits()).isEqualTo(1);
	}

	@Test
	void aCreatedFileThatAnImportNowResolvesToMakesItCollectAgain() throws IOException {
		this.servers.writeApp();
		Files.move(this.servers.file("label.ts"), this.servers.file("label.tsx"));
		Server first = start(ENV);
		assertThat(first.code()).contains("\"/frontend/label.tsx\"");
		first.cache().flush();
		// './label' resolves to a .ts file before a .tsx one.
		this.servers.write("label.ts", "export const label = 'Created';\n");

		Server restarted = start(ENV);
		assertThat(restarted.code()).contains("\"/frontend/label.ts\"", "'Created'")
			.doesNotContain("\"/frontend/label.tsx\"");
	}

	@Test
	void aDeletedOrRenamedFileMakesItCollectAgain() throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		first.code();
		first.cache().flush();
		Files.move(this.servers.file("label.ts"), this.servers.file("label.tsx"));

		Server restarted = start(ENV);
		assertThat(restarted.code()).contains("\"/frontend/label.tsx\"").doesNotContain("\"/frontend/label.ts\"");
	}

	@Test
	void otherSettingsMakeItCollectAgain() throws IOException {
		this.servers.writeApp();
		this.servers.write("label.ts", "export const label = import.meta.env.GREETING;\n");
		Server first = start(ENV);
		assertThat(first.code()).contains("\"Hello\"");
		first.cache().flush();

		Server restarted = start(ImportMetaEnv.of(true, "/", Map.of("GREETING", "Bonjour")));
		assertThat(restarted.code()).contains("\"Bonjour\"").doesNotContain("\"Hello\"");
	}

	@Test
	void aDamagedKeptPageIsIgnoredWithALogLineAndNeverServed(CapturedOutput output) throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		String code = first.code();
		first.cache().flush();
		Path page = keptPage();
		byte[] bytes = Files.readAllBytes(page);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int hello = text.lastIndexOf("Hello");
		assertThat(hello).isPositive();
		bytes[hello] = 'J';
		Files.write(page, bytes);

		Server restarted = start(ENV);
		assertThat(restarted.code()).isEqualTo(code).doesNotContain("Jello");
		assertThat(output).contains("Velocity HMR ignores the kept bundle of " + ENTRY);
	}

	@Test
	void aVersionedGraphIsNeitherKeptNorServedFromWhatWasKept() throws IOException {
		this.servers.writeApp();
		Server first = start(ENV);
		first.code();
		first.cache().flush();

		Server restarted = start(ENV);
		assertThat(restarted.code()).doesNotContain("?t=");
		assertThat(restarted.graph().plan(List.of("/frontend/App.tsx"), 42)).isInstanceOf(UpdatePlan.Hot.class);
		assertThat(restarted.code()).contains("/frontend/App.tsx?t=42");
		restarted.cache().flush();

		Server again = start(ENV);
		assertThat(again.code()).doesNotContain("?t=42");
		assertThat(again.cache().hits()).as("the page kept before the edit").isEqualTo(1);
	}

	private static Object boundaries(UpdatePlan plan) {
		return (plan instanceof UpdatePlan.Hot hot) ? hot.updates() : plan;
	}

	private Path keptPage() throws IOException {
		try (Stream<Path> files = Files.walk(this.servers.cacheDirectory())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".page")).findFirst().orElseThrow();
		}
	}

	private Server start(ImportMetaEnv env) {
		ModuleSources sources = this.servers.files();
		ModuleCompiler compiler = new ModuleCompiler(sources, RestartedServers.URLS, CompileMode.HOT,
				PackageImports.NONE, env, CompileLimits.DEFAULT);
		AnalysisCache cache = this.servers.keepAnalyses(compiler, null);
		ModuleGraph graph = new ModuleGraph();
		PageBundler bundler = RestartedServers.bundler(sources, compiler, cache, graph, new RegistryWriter());
		return new Server(bundler, graph, cache);
	}

	private record Server(PageBundler bundler, ModuleGraph graph, AnalysisCache cache) {

		String code() {
			return BundleText.code(this.bundler.collect(ENTRY), true, "/map");
		}

		String map() {
			return BundleText.sourceMap(this.bundler.collect(ENTRY));
		}

	}

}

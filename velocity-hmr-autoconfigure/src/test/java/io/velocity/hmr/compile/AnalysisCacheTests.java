package io.velocity.hmr.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnalysisCache}: what a restarted server finds of the analyses the last
 * run kept, and what it refuses.
 */
class AnalysisCacheTests {

	@TempDir
	Path root;

	@TempDir
	Path cacheDirectory;

	private final List<AnalysisCache> caches = new ArrayList<>();

	private AnalysisCache lastCache;

	@AfterEach
	void flushEveryCache() {
		// A compile at the end of a test schedules a write: the temporary directories are
		// deleted only once no writer can still be writing into them.
		this.caches.forEach(AnalysisCache::flush);
	}

	@Test
	void aRestartedCompilerServesTheCodeTheLastRunCompiled() throws IOException {
		write("App.tsx", "import { label } from './label';\nexport default () => <p>{label}</p>;\n");
		write("label.ts", "export const label = 'Hello';\n");
		String first = compiler().compile(source("App.tsx")).code();
		flushWrites();
		AnalysisCache restarted = cache();
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isPresent();
		assertThat(compiler(restarted).compile(source("App.tsx")).code()).isEqualTo(first);
	}

	@Test
	void aKeptAnalysisHoldsWhatTheCompileFound() throws IOException {
		write("App.tsx", "import { label } from './label';\nimport.meta.hot?.accept(['./label'], () => {});\n"
				+ "export const title = 'T';\nexport default function App() { return <p>{label}</p>; }\n");
		write("label.ts", "export const label = 'Hello';\n");
		ModuleCompiler compiler = compiler();
		AnalyzedModule compiled = compiler.analyze(source("App.tsx"));
		flushWrites();
		ModuleAnalysis kept = cache().read(source("App.tsx"), text("App.tsx")).orElseThrow();
		ModuleAnalysis original = compiled.script();
		assertThat(kept.exports()).containsExactlyElementsOf(original.exports()).contains("default", "title");
		assertThat(kept.imports()).isEqualTo(original.imports());
		assertThat(kept.hot()).isEqualTo(original.hot());
		assertThat(kept.links()).isEqualTo(original.links());
		assertThat(kept.autoAccept()).isEqualTo(original.autoAccept());
		assertThat(kept.sourceMap()).isEqualTo(original.sourceMap());
		assertThat(kept.importSites())
			.extracting((site) -> site.url() + "@" + site.site().span().getStart() + "-" + site.site().span().getEnd()
					+ ":" + site.site().span().getLine() + ":" + site.site().span().getColumn())
			.containsExactlyElementsOf(original.importSites()
				.stream()
				.map((site) -> site.url() + "@" + site.site().span().getStart() + "-" + site.site().span().getEnd()
						+ ":" + site.site().span().getLine() + ":" + site.site().span().getColumn())
				.toList());
	}

	@Test
	void aChangedSourceIsCompiledAgain() throws IOException {
		write("App.tsx", "export default () => <p>Before</p>;\n");
		compiler().compile(source("App.tsx"));
		flushWrites();
		write("App.tsx", "export default () => <p>After</p>;\n");
		AnalysisCache restarted = cache();
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isEmpty();
		assertThat(compiler(restarted).compile(source("App.tsx")).code()).contains("After").doesNotContain("Before");
	}

	@Test
	void anImportThatNowResolvesElsewhereIsCompiledAgain() throws IOException {
		write("App.tsx", "import { label } from './label';\nexport default () => <p>{label}</p>;\n");
		write("label.ts", "export const label = 'Hello';\n");
		compiler().compile(source("App.tsx"));
		flushWrites();
		Files.delete(this.root.resolve("label.ts"));
		write("label.tsx", "export const label = 'Hello';\n");
		CompiledModule restarted = compiler(cache()).compile(source("App.tsx"));
		assertThat(restarted.imports()).extracting(ModuleImport::url)
			.contains("/frontend/label.tsx")
			.doesNotContain("/frontend/label.ts");
	}

	@Test
	void anAnalysisOfAnotherCompilerIsNotUsed() throws IOException {
		write("App.tsx", "export default () => <p>Hello</p>;\n");
		compiler().compile(source("App.tsx"));
		flushWrites();
		AnalysisCache other = new AnalysisCache(this.cacheDirectory, "another compiler");
		assertThat(other.read(source("App.tsx"), text("App.tsx"))).isEmpty();
	}

	@Test
	void aDamagedFileIsACompileNotAFailure() throws IOException {
		write("App.tsx", "export default () => <p>Hello</p>;\n");
		String first = compiler().compile(source("App.tsx")).code();
		flushWrites();
		try (Stream<Path> files = Files.walk(this.cacheDirectory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes = Files.readAllBytes(file);
				Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
			}
		}
		AnalysisCache restarted = cache();
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isEmpty();
		assertThat(compiler(restarted).compile(source("App.tsx")).code()).isEqualTo(first);
	}

	@Test
	void aRestartReadsWhatWasKeptFromOnePack() throws IOException {
		write("App.tsx", "export default () => <p>Hello</p>;\n");
		String first = compiler().compile(source("App.tsx")).code();
		keepManyForms(this.lastCache);
		flushWrites();
		assertThat(this.cacheDirectory.resolve("pack")).isRegularFile();
		deleteKeptFiles();
		AnalysisCache restarted = cache();
		assertThat(restarted.readKept("registry", "/frontend/m7.ts", "v1")).hasValue(bytes("form 7"));
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isPresent();
		assertThat(compiler(restarted).compile(source("App.tsx")).code()).isEqualTo(first);
	}

	@Test
	void aModuleChangedSinceThePackIsReadFromItsFile() throws IOException {
		write("App.tsx", "export default () => <p>Before</p>;\n");
		compiler().compile(source("App.tsx"));
		keepManyForms(this.lastCache);
		flushWrites();
		write("App.tsx", "export default () => <p>After</p>;\n");
		String after = compiler().compile(source("App.tsx")).code();
		flushWrites();
		AnalysisCache restarted = cache();
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isPresent();
		assertThat(compiler(restarted).compile(source("App.tsx")).code()).isEqualTo(after).contains("After");
	}

	@Test
	void aDamagedPackIsIgnored() throws IOException {
		write("App.tsx", "export default () => <p>Hello</p>;\n");
		compiler().compile(source("App.tsx"));
		keepManyForms(this.lastCache);
		flushWrites();
		Path pack = this.cacheDirectory.resolve("pack");
		byte[] bytes = Files.readAllBytes(pack);
		Files.write(pack, Arrays.copyOf(bytes, bytes.length / 2));
		AnalysisCache restarted = cache();
		assertThat(restarted.readKept("registry", "/frontend/m7.ts", "v1")).hasValue(bytes("form 7"));
		assertThat(restarted.read(source("App.tsx"), text("App.tsx"))).isPresent();
	}

	/**
	 * Enough kept files for the pack to be written when the writes are flushed.
	 */
	private void keepManyForms(AnalysisCache cache) {
		for (int i = 0; i < AnalysisPack.REWRITE_AFTER; i++) {
			cache.keep("registry", "/frontend/m" + i + ".ts", "v1", bytes("form " + i));
		}
	}

	private void deleteKeptFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.cacheDirectory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (!file.getFileName().toString().equals("pack")) {
					Files.delete(file);
				}
			}
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private ModuleCompiler compiler() {
		return compiler(cache());
	}

	private ModuleCompiler compiler(AnalysisCache cache) {
		ModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		ModuleCompiler compiler = new ModuleCompiler(sources, CompileFixtures.URLS, CompileMode.HOT);
		compiler.setAnalysisCache(cache);
		this.lastCache = cache;
		return compiler;
	}

	private AnalysisCache cache() {
		AnalysisCache cache = new AnalysisCache(this.cacheDirectory,
				new ModuleCompiler(new FileSystemModuleSources(List.of(this.root)), CompileFixtures.URLS,
						CompileMode.HOT)
					.fingerprint());
		this.caches.add(cache);
		return cache;
	}

	private void flushWrites() {
		this.lastCache.flush();
	}

	private ModuleSource source(String path) {
		return new FileSystemModuleSources(List.of(this.root)).find(path).orElseThrow();
	}

	private String text(String path) throws IOException {
		return Files.readString(this.root.resolve(path));
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content, StandardCharsets.UTF_8);
	}

}

package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.util.FileSystemUtils;

/**
 * Compile throughput as the dev server sees it: the same compiler in hot mode, through
 * the compile service, over files on disk.
 */
public class CompileBenchmarks {

	static final int COLD_MODULES = 1_000;

	/**
	 * A 40-line component, compiled again and again after its cache entry is evicted, as
	 * an edit does.
	 */
	@State(Scope.Benchmark)
	public static class WarmModule {

		Path root;

		CompileService service;

		@Setup
		public void setUp() throws IOException {
			this.root = Files.createTempDirectory("velocity-bench-compile");
			try (InputStream fixture = CompileBenchmarks.class.getResourceAsStream("Settings.tsx")) {
				Files.write(this.root.resolve("Settings.tsx"), fixture.readAllBytes());
			}
			this.service = service(this.root);
		}

		@TearDown
		public void tearDown() throws IOException {
			FileSystemUtils.deleteRecursively(this.root);
		}

	}

	/**
	 * A generated project of 1,000 modules and a fresh compile service for each run.
	 */
	@State(Scope.Benchmark)
	public static class ColdProject {

		Path root;

		List<String> paths;

		CompileService service;

		@Setup
		public void setUp() throws IOException {
			this.root = ProjectGenerator.generate(Files.createTempDirectory("velocity-bench-cold"), COLD_MODULES);
			this.paths = IntStream.range(0, COLD_MODULES).mapToObj(ProjectGenerator::path).toList();
		}

		@Setup(Level.Invocation)
		public void freshService() {
			this.service = service(this.root);
		}

		@TearDown
		public void tearDown() throws IOException {
			FileSystemUtils.deleteRecursively(this.root);
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public CompiledModule warmCompileOfOneModule(WarmModule state) {
		state.service.evict("Settings.tsx");
		return state.service.compile("Settings.tsx").orElseThrow();
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public int coldCompileOf1000Modules(ColdProject state) {
		int length = 0;
		for (String path : state.paths) {
			length += state.service.compile(path).orElseThrow().code().length();
		}
		return length;
	}

	static CompileService service(Path root) {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(root));
		return new CompileService(sources,
				new ModuleCompiler(sources, new ModuleUrls("/frontend"), UnaryOperator.identity(), true));
	}

}

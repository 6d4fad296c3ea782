package io.velocity.hmr.registry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.compile.CompileLimits;
import io.velocity.hmr.compile.registry.RegistryCode;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry forms written from the plan an analysis read from the tree it parsed are the
 * forms written by parsing the compiled code, for every fixture that compiles: the same
 * statement, except that the helpers of compiled JSX, whose uses the plan of a component
 * does not see (the transform wrote them), are variables of the factory rather than reads
 * of their namespace at each use.
 */
class RegistryPlanTests {

	private static final Pattern HELPER_VARIABLE = Pattern.compile("const _\\$[\\w$]+ = __vi\\d+\\.[\\w$]+;");

	private static final Pattern HELPER_IMPORT = Pattern
		.compile("const (__vi\\d+) = __vr\\.i\\(\"/__velocity/web\\.js[^\"]*\"\\);");

	@ParameterizedTest
	@ValueSource(strings = { "compile/fixtures", "compile/fixtures/hot", "compile/fixtures/hot/effects",
			"compile/jsx/fixtures", "compile/jsx/browser", "update/fixtures", "web/fixtures/preload" })
	void planWritesWhatAParseOfTheCompiledCodeWrites(String directory) throws IOException, URISyntaxException {
		Path root = Path.of(getClass().getResource("/io/velocity/hmr/" + directory).toURI());
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(root));
		ModuleUrls urls = new ModuleUrls("/frontend");
		ModuleCompiler compiler = new ModuleCompiler(sources, urls, CompileMode.HOT, PackageImports.NONE,
				ImportMetaEnv.of(true, "/", Map.of("TITLE", "import.meta.env")), CompileLimits.DEFAULT);
		compiler.setRegistryPlans(true);
		CompileService service = new CompileService(sources, compiler);
		RegistryWriter parsing = new RegistryWriter();
		List<String> planned = new ArrayList<>();
		for (String path : scripts(root)) {
			CompiledModule compiled;
			try {
				compiled = service.compile(path).orElseThrow();
				compiled = service.emit(compiled.module(),
						ModuleVersions.NONE.with(compiled.imports().stream().map((i) -> i.url()).toList(), 7));
			}
			catch (CompileProblemException ex) {
				continue;
			}
			String key = compiled.url() + "?t=7";
			Optional<RegistryCode> fromPlan = service.registryForm(compiled, key);
			RegistryModule parsed;
			try {
				parsed = parsing.write(key, compiled.code());
			}
			catch (UnsupportedModuleException ex) {
				assertThat(fromPlan).as(path).isEmpty();
				continue;
			}
			assertThat(fromPlan).as(path).isPresent();
			planned.add(path);
			RegistryCode code = fromPlan.get();
			String header = code.code().substring(0, code.firstLineShift());
			Matcher declarations = HELPER_VARIABLE.matcher(header);
			List<String> declared = new ArrayList<>();
			while (declarations.find()) {
				declared.add(declarations.group());
			}
			String parsedHeader = parsed.code().substring(0, parsed.firstLineShift());
			assertThat(header.replaceAll(HELPER_VARIABLE.pattern(), "")).as(path).isEqualTo(parsedHeader);
			List<String> used = new ArrayList<>();
			assertThat(code.code().substring(code.firstLineShift())).as(path)
				.isEqualTo(withHelperVariables(parsedHeader, parsed.code().substring(parsed.firstLineShift()), declared,
						used));
			assertThat(declared).as(path).containsExactlyInAnyOrderElementsOf(used);
			assertThat(code.imports()).as(path).isEqualTo(parsed.imports());
		}
		assertThat(planned).isNotEmpty();
	}

	@Test
	void writerNeverParsesWhenTheCompileServiceCanReadAPlan() throws URISyntaxException {
		Path root = Path.of(getClass().getResource("/io/velocity/hmr/update/fixtures").toURI());
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(root));
		ModuleCompiler compiler = new ModuleCompiler(sources, new ModuleUrls("/frontend"), CompileMode.HOT);
		CompileService service = new CompileService(sources, compiler);
		List<String> parsed = new ArrayList<>();
		RegistryWriter writer = new RegistryWriter(service) {

			@Override
			public RegistryModule write(String key, String compiledCode) {
				parsed.add(key);
				return super.write(key, compiledCode);
			}

		};
		// Analysed without a plan, as an analysis kept by an earlier run is: its code is
		// parsed for one, once.
		CompiledModule analysedBefore = service.compile("utils.ts").orElseThrow();
		compiler.setRegistryPlans(true);
		CompiledModule counter = service.compile("Counter.tsx").orElseThrow();
		RegistryModule planned = writer.write("/frontend/Counter.tsx?t=1", counter);
		RegistryModule utils = writer.write("/frontend/utils.ts?t=1", analysedBefore);
		writer.write("/frontend/utils.ts?t=2", analysedBefore);
		assertThat(parsed).isEmpty();
		assertThat(planned.code()).startsWith("__velocity_hmr__.define(\"/frontend/Counter.tsx?t=1\"")
			.doesNotContain("import ");
		assertThat(utils.code()).isEqualTo(new RegistryWriter().write("/frontend/utils.ts?t=1", analysedBefore).code());
	}

	private static List<String> scripts(Path root) throws IOException {
		try (Stream<Path> files = Files.list(root)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches(".*\\.(tsx?|jsx?|mjs)"))
				.sorted()
				.toList();
		}
	}

	/**
	 * The body of the parsed form of a component with its JSX helpers read as the plan
	 * writes them, each from a variable of its own name (those the plan declared), and
	 * the declarations of those variables used.
	 */
	private static String withHelperVariables(String header, String body, List<String> declared,
			List<String> declarations) {
		Matcher helperImport = HELPER_IMPORT.matcher(header);
		if (!helperImport.find()) {
			return body;
		}
		String namespace = helperImport.group(1);
		Matcher uses = Pattern
			.compile("\\(0, " + namespace + "\\.([\\w$]+)\\)|(?<![\\w$])" + namespace + "\\.([\\w$]+)")
			.matcher(body);
		StringBuilder rewritten = new StringBuilder();
		while (uses.find()) {
			String helper = (uses.group(1) != null) ? uses.group(1) : uses.group(2);
			String declaration = "const _$" + helper + " = " + namespace + "." + helper + ";";
			if (!declared.contains(declaration)) {
				// The module's own import of the same module.
				uses.appendReplacement(rewritten, Matcher.quoteReplacement(uses.group()));
				continue;
			}
			if (!declarations.contains(declaration)) {
				declarations.add(declaration);
			}
			uses.appendReplacement(rewritten, Matcher.quoteReplacement("_$" + helper));
		}
		uses.appendTail(rewritten);
		return rewritten.toString();
	}

}

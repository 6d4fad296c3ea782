package io.velocity.hmr.build;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.production.BuildManifest;
import io.velocity.hmr.production.BuildManifest.Entry;
import io.velocity.hmr.test.SmallStack;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Builds of small front ends (fixtures/): what the build writes and what it reports.
 */
class FrontEndBuildTests {

	private static final String HASHED = "/__velocity/build/.+-[A-Z0-9]{8}\\.(js|css)";

	@TempDir
	Path project;

	@Test
	void buildsEachPageEntryIntoAFingerprintedFileWithTheChunksItImports() throws Exception {
		BuildResult result = build("app");
		BuildManifest manifest = result.manifest();
		assertThat(manifest.entries()).containsOnlyKeys("/frontend/main.tsx", "/frontend/admin.tsx");
		Entry main = manifest.entry("/frontend/main.tsx").orElseThrow();
		Entry admin = manifest.entry("/frontend/admin.tsx").orElseThrow();
		assertThat(main.file()).matches(HASHED).startsWith("/__velocity/build/frontend/main-");
		assertThat(admin.file()).matches(HASHED).startsWith("/__velocity/build/frontend/admin-");
		assertThat(main.imports()).as("the runtime and Title, shared by both entries, in a chunk of their own")
			.isNotEmpty()
			.allMatch((chunk) -> chunk.matches("/__velocity/build/chunks/.+\\.js"));
		assertThat(admin.imports()).containsAnyElementsOf(main.imports());
		assertThat(read(result, main.file())).doesNotContain("Title").doesNotContain("clicksOnTheTitle");
		assertThat(manifest.files()).containsKeys(main.file(), admin.file());
		assertThat(result.manifestFile()).exists();
		try (var input = Files.newInputStream(result.manifestFile())) {
			assertThat(BuildManifest.read(input)).isEqualTo(manifest);
		}
	}

	@Test
	void splitsADynamicImportIntoALazyChunk() throws Exception {
		BuildResult result = build("app");
		Entry main = result.manifest().entry("/frontend/main.tsx").orElseThrow();
		assertThat(main.dynamicImports()).singleElement()
			.asString()
			.matches("/__velocity/build/chunks/Settings-.+\\.js");
		assertThat(main.imports()).doesNotContainAnyElementsOf(main.dynamicImports());
		assertThat(read(result, main.dynamicImports().get(0))).contains("loaded on demand");
		String all = main.imports()
			.stream()
			.map((chunk) -> read(result, chunk))
			.reduce(read(result, main.file()), String::concat);
		assertThat(all).as("the lazy route's code is not loaded with the entry").doesNotContain("loaded on demand");
	}

	@Test
	void extractsStyleSheetsMinifiedAndFingerprinted() throws Exception {
		BuildResult result = build("app");
		Entry main = result.manifest().entry("/frontend/main.tsx").orElseThrow();
		assertThat(main.css()).singleElement().asString().matches(HASHED).endsWith(".css");
		String css = read(result, main.css().get(0));
		assertThat(css).contains(".main{color:#123456;margin:0 auto}").doesNotContain("\n  ");
		assertThat(read(result, main.file())).as("no style sheet injected by script").doesNotContain("#123456");
	}

	@Test
	void minifiesAndMangles() throws Exception {
		BuildResult result = build("app");
		String code = String.join("\n",
				result.manifest()
					.files()
					.keySet()
					.stream()
					.filter((url) -> url.endsWith(".js"))
					.map((url) -> read(result, url))
					.toList());
		// Packages' license comments (/*! … */) are kept as written, at the end of a
		// file.
		String withoutLicenses = code.replaceAll("(?s)/\\*!.*?\\*/", "");
		assertThat(withoutLicenses).doesNotContain("\n  ").doesNotContain("\n\t").doesNotContain("clicksOnTheTitle");
		assertThat(code).contains("Copyright (c) 2016 Jed Watson");
		assertThat(code).as("the package, bundled in").contains("Settings");
	}

	@Test
	void bundlesPackagesFromTheApplicationClasspath() throws Exception {
		BuildResult result = build("app");
		assertThat(result.manifest().imports()).as("no bare specifier is left to the browser").isEmpty();
		assertThat(Files.readString(result.manifestFile())).doesNotContain("/__velocity/npm/");
		String bundled = result.manifest()
			.files()
			.keySet()
			.stream()
			.filter((url) -> url.endsWith(".js"))
			.map((url) -> read(result, url))
			.reduce("", String::concat);
		assertThat(bundled).as("classnames' own code").contains("hasOwnProperty");
	}

	@Test
	void writesGzipAndBrotliVariants() throws Exception {
		BuildResult result = build("app");
		Entry main = result.manifest().entry("/frontend/main.tsx").orElseThrow();
		String chunk = main.imports().get(0);
		assertThat(result.manifest().files().get(chunk).encodings()).containsExactly("br", "gzip");
		Path file = file(result, chunk);
		assertThat(file.resolveSibling(file.getFileName() + ".br")).isRegularFile();
		assertThat(file.resolveSibling(file.getFileName() + ".gz")).isRegularFile();
		assertThat(result.brotliBytes()).isPositive().isLessThan(result.gzipBytes());
		assertThat(result.gzipBytes()).isLessThan(result.bytes());
	}

	@Test
	void failsWithEveryProblemAtItsPlace() throws Exception {
		copy("broken");
		assertThatExceptionOfType(BuildException.class).isThrownBy(this::buildCopied)
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.contains("/frontend/missing.tsx is in no source root (src/main/frontend)"));
		Files.writeString(this.project.resolve("src/main/resources/static/index.html"),
				"<script type=module src=\"/frontend/main.tsx\"></script>");
		assertThatExceptionOfType(BuildException.class).isThrownBy(this::buildCopied)
			.satisfies((ex) -> assertThat(ex.getProblems())
				.anySatisfy((problem) -> assertThat(problem).matches("src/main/frontend/Broken\\.tsx:2:\\d+ .*"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("src/main/frontend/Lost.ts:1:")
					.contains("./nowhere")));
	}

	@Test
	void compilesAComponentNested300DeepWhenBuiltFromAThreadWithASmallStack() throws Exception {
		// 300 nested JSX elements crashed a JVM that ran swc on a 1 MB thread stack: the
		// build compiles on threads of its own, whatever stack its caller has.
		copy("deep");
		writeDeep(300);
		BuildResult result = SmallStack.call(this::buildCopied);
		Entry main = result.manifest().entry("/frontend/main.tsx").orElseThrow();
		assertThat(read(result, main.file())).contains("deepest");
	}

	@Test
	void refusesNestingPastTheLimitAtItsPlaceAndBuildsOnceItIsFixed() throws Exception {
		copy("deep");
		writeDeep(1_200);
		assertThatExceptionOfType(BuildException.class).isThrownBy(this::buildCopied)
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.asString()
				.startsWith("src/main/frontend/Deep.tsx:1001:1 nesting deeper than 1000 "));
		// Nothing crashed: the same JVM builds the fixed module.
		writeDeep(300);
		assertThat(buildCopied().manifest().entries()).containsOnlyKeys("/frontend/main.tsx");
	}

	@Test
	void failsWhenNoPageNamesAnEntry() {
		assertThatExceptionOfType(BuildException.class)
			.isThrownBy(() -> new FrontEndBuild().build(BuildSettings.defaults(this.project, List.of())))
			.withMessageContaining("No entries");
	}

	private BuildResult build(String fixture) throws IOException, URISyntaxException {
		copy(fixture);
		return buildCopied();
	}

	private BuildResult buildCopied() {
		return new FrontEndBuild().build(BuildSettings.defaults(this.project, applicationClasspath()));
	}

	// One element a line: with the function's brace and the return's parenthesis, the
	// element on line n is nested n levels deep.
	private void writeDeep(int depth) throws IOException {
		String module = "export default function Deep() {\n  return (\n" + "<div>\n".repeat(depth - 1)
				+ "<b>deepest</b>\n" + "</div>\n".repeat(depth - 1) + "  );\n}\n";
		Files.writeString(this.project.resolve("src/main/frontend/Deep.tsx"), module);
	}

	private void copy(String fixture) throws IOException, URISyntaxException {
		Path source = Path.of(getClass().getResource("fixtures/" + fixture).toURI());
		FileSystemUtils.copyRecursively(source, this.project);
	}

	// The packages of the test classpath stand for the application's: classnames.
	private static List<Path> applicationClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((element) -> element.contains("classnames"))
			.map(Path::of)
			.toList();
	}

	private static Path file(BuildResult result, String url) {
		Path classes = result.manifestFile().getParent().getParent();
		return classes.resolve(BuildManifest.FILES_LOCATION).resolve(url.substring(BuildManifest.URL_PREFIX.length()));
	}

	private static String read(BuildResult result, String url) {
		try {
			return Files.readString(file(result, url));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

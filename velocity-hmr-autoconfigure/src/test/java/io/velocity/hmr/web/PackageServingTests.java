package io.velocity.hmr.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.velocity.hmr.graph.ModuleGraph;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages over real HTTP: lit (mvnpm, with its transitive packages), date-fns and
 * classnames (WebJars, the latter CommonJS) from the test classpath, and packages in a
 * node_modules beside the source root.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.packages.prebundle=false" })
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class PackageServingTests {

	private static final String SECRET = "top-secret-content";

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	ModuleGraph graph;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createProject() throws IOException {
		FileSystemUtils
			.copyRecursively(new ClassPathResource("io/velocity/hmr/web/package-fixtures").getFile().toPath(), temp);
		Files.writeString(temp.resolve("node_modules/secret.txt"), SECRET);
	}

	@DynamicPropertySource
	static void sourceRoot(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
	}

	@Test
	void bareImportsAreWrittenAsVersionedPackageUrls() throws Exception {
		HttpResponse<String> response = get("/frontend/main.ts");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("from \"/__velocity/npm/lit@3.3.1/index.js\"")
			.contains("from \"/__velocity/npm/date-fns@4.1.0/index.js\"")
			.contains("from \"/__velocity/npm/date-fns@4.1.0/formatDistance.js\"")
			.contains("from \"/__velocity/npm/classnames@2.2.5/index.js\"")
			.contains("from \"/__velocity/npm/tiny@1.0.0/lib/index.js\"");
	}

	@Test
	void packageModulesAreServedImmutableWithTheirImportsRewritten() throws Exception {
		get("/frontend/main.ts");
		HttpResponse<String> lit = get("/__velocity/npm/lit@3.3.1/index.js");
		assertThat(lit.statusCode()).isEqualTo(200);
		assertThat(lit.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(lit.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(lit.body()).contains("import\"/__velocity/npm/@lit/reactive-element@2.1.2/reactive-element.js\"")
			.contains("export*from\"/__velocity/npm/lit-element@4.2.2/lit-element.js\"")
			.doesNotContain("\"lit-html\"");
		HttpResponse<String> tiny = get("/__velocity/npm/tiny@1.0.0/lib/index.js");
		assertThat(tiny.body()).contains("from \"/__velocity/npm/tiny@1.0.0/lib/upper.js\"")
			.contains("export const mode = \"development\";")
			.startsWith("import.meta.env = {");
	}

	@Test
	void commonJsPackageIsServedAsAnEsModuleWithADefaultExport() throws Exception {
		get("/frontend/main.ts");
		HttpResponse<String> classnames = get("/__velocity/npm/classnames@2.2.5/index.js");
		assertThat(classnames.statusCode()).isEqualTo(200);
		assertThat(classnames.body()).contains("export default")
			.contains("export { __velocity_exports as \"module.exports\" }")
			.contains("function classNames");
	}

	@Test
	void packagesAreNotRecordedInTheModuleGraph() throws Exception {
		get("/frontend/main.ts");
		get("/__velocity/npm/lit@3.3.1/index.js");
		assertThat(this.graph.contains("/frontend/main.ts")).isTrue();
		assertThat(this.graph.contains("/__velocity/npm/lit@3.3.1/index.js")).isFalse();
	}

	@Test
	void unknownPackageIsAProblemNamingThePackageAndTheImporter() throws Exception {
		HttpResponse<String> response = get("/frontend/unknown.ts");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("unknown.ts:1:21")
			.contains("package 'left-pad' was not found")
			.contains("org.mvnpm:left-pad")
			.doesNotContain("Exception");
	}

	@Test
	void packageThatOnlyRunsInNodeIsAProblemOfItsImporter() throws Exception {
		HttpResponse<String> response = get("/frontend/node-only.ts");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("node-only.ts:1:")
			.contains("'fs' is a Node.js built-in module")
			.contains("node-only@2.0.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/__velocity/npm/tiny@1.0.0/../secret.txt", "/__velocity/npm/tiny@1.0.0/%2e%2e/secret.txt",
			"/__velocity/npm/tiny@1.0.0/..%2fsecret.txt",
			"/__velocity/npm/lit@3.3.1/../../../../META-INF/importmap.json",
			"/__velocity/npm/lit@3.3.1/%2e%2e/lit-html/3.3.3/lit-html.js", "/__velocity/npm/tiny@1.0.0//etc/passwd",
			"/__velocity/npm/spring-core@7.0.0/META-INF/MANIFEST.MF", "/__velocity/npm/application.properties",
			"/__velocity/npm/tiny@1.0.0/lib/..\\..\\..\\secret.txt" })
	void nothingOutsideAPackageIsServed(String rawPath) throws IOException {
		RawHttp.Response response = RawHttp.get(this.port, rawPath);
		assertThat(response.status()).isIn(400, 404);
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("root:x:0").doesNotContain("imports");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

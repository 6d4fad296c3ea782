package io.velocity.hmr.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * Module serving over real HTTP, from a source root on disk with a secret file beside it
 * that no request may reach.
 */
// Modules are served alike whether pages are bundled or not; bundling is on (as by
// default) so that the bundle endpoint is tried with the same secrets.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.bundle.enabled=true" })
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class ModuleServingTests {

	private static final String SECRET = "top-secret-content";

	private static final String[] SECRETS = { ".env", ".env.local", "application.properties", "application-dev.yml",
			".git/config", "server.pem", "tls/server.key", "keystore.p12", "id_rsa", "config/.npmrc", "deploy.sh",
			"secrets.ts.bak", ".hidden/App.tsx", ".secret.ts" };

	@TempDir
	static Path temp;

	static Path root;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createSourceRoot() throws IOException {
		root = temp.resolve("frontend");
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/web/fixtures").getFile().toPath(), root);
		Files.writeString(temp.resolve("secret.txt"), SECRET);
		Files.createSymbolicLink(root.resolve("leak.txt"), temp.resolve("secret.txt"));
		Files.createSymbolicLink(root.resolve("outside"), temp);
		for (String secret : SECRETS) {
			Path file = root.resolve(secret);
			Files.createDirectories(file.getParent());
			Files.writeString(file, SECRET);
		}
	}

	@DynamicPropertySource
	static void sourceRoot(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
	}

	@Test
	void servesTsxCompiledAsJavaScriptWithAnEtag() throws Exception {
		HttpResponse<String> response = get("/frontend/components/Counter.tsx");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.headers().firstValue("ETag")).isPresent();
		assertThat(response.body()).contains("from \"/__velocity/runtime.js\"")
			.contains("from \"/__velocity/web.js\"")
			.contains("_$template(\"<button")
			.contains("//# sourceMappingURL=data:application/json;charset=utf-8;base64,");
	}

	@Test
	void answersNotModifiedForTheSameEtag() throws Exception {
		String etag = get("/frontend/main.tsx").headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/frontend/main.tsx")).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void servesOtherFilesAsTheyAreWithTheirContentType() throws Exception {
		HttpResponse<String> response = get("/frontend/styles.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(response.body()).contains("rgb(1, 2, 3)");
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void servesAStyleSheetAskedForAsAnImportAsTheModuleThatInjectsIt() throws Exception {
		HttpResponse<String> response = get("/frontend/styles.css?import");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.headers().firstValue("ETag")).isPresent();
		assertThat(response.body()).contains("const url = \"/frontend/styles.css\";")
			.contains("rgb(1, 2, 3)")
			.contains("style.textContent = css;")
			.contains("export default css;");
		assertThat(get("/frontend/missing.css?import").statusCode()).isEqualTo(404);
	}

	@Test
	void missingModuleIsNotFoundWithAClearMessage() throws Exception {
		HttpResponse<String> response = get("/frontend/components/Missing.tsx");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Module not found: /frontend/components/Missing.tsx");
	}

	@Test
	void syntaxErrorIsA500WhoseScriptThrowsTheProblem() throws Exception {
		HttpResponse<String> response = get("/frontend/broken.tsx");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.body()).contains("throw new SyntaxError(")
			.contains("broken.tsx:")
			.doesNotContain("panicked")
			.doesNotContain("at io.velocity")
			.doesNotContain("Exception");
	}

	@Test
	void servesTheRuntimeAndNoOtherFilesUnderTheClientPath() throws Exception {
		HttpResponse<String> runtime = get("/__velocity/runtime.js");
		assertThat(runtime.statusCode()).isEqualTo(200);
		assertThat(runtime.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(get("/__velocity/nope.js").statusCode()).isEqualTo(404);
		assertThat(get("/__velocity/types/velocity.d.ts").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/frontend/../secret.txt", "/frontend/%2e%2e/secret.txt", "/frontend/%2E%2E/secret.txt",
			"/frontend/..%2fsecret.txt", "/frontend/..%2Fsecret.txt", "/frontend/%2e%2e%2fsecret.txt",
			"/frontend/..\\secret.txt", "/frontend/..%5csecret.txt", "/frontend/%5c..%5csecret.txt",
			"/frontend//etc/passwd", "/frontend/%2fetc%2fpasswd", "/frontend/leak.txt", "/frontend/outside/secret.txt",
			"/frontend/components/../../secret.txt", "/frontend/%252e%252e/secret.txt", "/frontend/..;/secret.txt",
			"/frontend/.%2e/secret.txt", "/frontend/%c0%ae%c0%ae/secret.txt" })
	void traversalAttemptsNeverLeaveTheSourceRoot(String rawPath) throws IOException {
		RawHttp.Response response = RawHttp.get(this.port, rawPath);
		assertThat(response.status()).isIn(400, 404);
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("root:x:0");
	}

	@Test
	void secretsInTheSourceRootAreNotServed() throws Exception {
		for (String secret : SECRETS) {
			HttpResponse<String> response = get("/frontend/" + secret);
			assertThat(response.statusCode()).as(secret).isEqualTo(404);
			assertThat(response.body()).as(secret).doesNotContain(SECRET);
		}
	}

	@Test
	void theBundleEndpointServesNoSecretNorAnythingOutsideTheSourceRoot() throws Exception {
		assertThat(get("/__velocity/bundle?entry=" + encode("/frontend/main.tsx")).statusCode()).isEqualTo(200);
		List<String> entries = new ArrayList<>(List.of("/frontend/../secret.txt", "/frontend/leak.txt",
				"/frontend/outside/secret.txt", "/frontend/components/../../secret.txt", "/frontend//etc/passwd",
				"/frontend/%2e%2e/secret.txt", "/frontend/..%2fsecret.txt", "/frontend/..\\secret.txt",
				"/frontend/" + temp.resolve("secret.txt"), "/frontend" + temp.resolve("secret.txt")));
		for (String secret : SECRETS) {
			entries.add("/frontend/" + secret);
		}
		for (String entry : entries) {
			for (String query : List.of("", "&define", "&map")) {
				HttpResponse<String> response = get("/__velocity/bundle?entry=" + encode(entry) + query);
				// An entry it cannot bundle is answered with an import of it as a native
				// module, which the module endpoint above refuses.
				assertThat(response.body()).as(entry + query).doesNotContain(SECRET).doesNotContain("root:x:0");
			}
		}
	}

	@Test
	void aModuleCannotImportADotFile() throws Exception {
		Files.writeString(root.resolve("leaky.ts"), "import secret from './.secret.ts';\nexport default secret;\n");
		HttpResponse<String> response = get("/frontend/leaky.ts");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Cannot resolve import \\\"./.secret.ts\\\"").doesNotContain(SECRET);
	}

	@Test
	void absolutePathOfTheSecretIsNotServed() throws IOException {
		String absolute = temp.resolve("secret.txt").toString();
		for (String path : new String[] { "/frontend/" + absolute, "/frontend" + absolute }) {
			RawHttp.Response response = RawHttp.get(this.port, path);
			assertThat(response.status()).isIn(400, 404);
			assertThat(response.body()).doesNotContain(SECRET);
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String entry) {
		return URLEncoder.encode(entry, StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

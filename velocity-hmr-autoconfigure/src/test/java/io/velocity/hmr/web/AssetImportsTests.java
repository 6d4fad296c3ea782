package io.velocity.hmr.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Vite's import surface besides scripts, over real HTTP: JSON, {@code ?raw},
 * {@code ?url}, assets, CSS Modules, {@code import.meta.env} and tsconfig path aliases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.env.GREETING=hello",
				"velocity.hmr.secret-token=s3cr3t", "app.password=s3cr3t" })
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class AssetImportsTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createProject() throws IOException {
		FileSystemUtils
			.copyRecursively(new ClassPathResource("io/velocity/hmr/web/package-fixtures").getFile().toPath(), temp);
	}

	@DynamicPropertySource
	static void sourceRoot(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
		registry.add("velocity.hmr.tsconfig", () -> temp.resolve("tsconfig.json").toString());
	}

	@Test
	void importsOfFilesAreWrittenAsTheirModules() throws Exception {
		String body = get("/frontend/imports.ts").body();
		assertThat(body).contains("from \"/frontend/data.json?import\"")
			.contains("from \"/frontend/logo.svg?import\"")
			.contains("from \"/frontend/logo.svg?url\"")
			.contains("from \"/frontend/notes.txt?raw\"")
			.contains("from \"/frontend/card.module.css?import\"")
			.contains("from \"/frontend/store/index.ts\"");
	}

	@Test
	void jsonIsADefaultExportWithANamedExportPerIdentifierKey() throws Exception {
		HttpResponse<String> response = get("/frontend/data.json?import");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.body()).contains("const __velocity_json = {\"title\":\"Velocity packages\"")
			.contains("export default __velocity_json;")
			.contains("export const { title, items } = __velocity_json;");
		assertThat(get("/frontend/data.json").headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void rawAndUrlAndAssetImports() throws Exception {
		assertThat(get("/frontend/notes.txt?raw").body())
			.isEqualTo("export default \"Raw notes, \\\"quoted\\\".\\n\";\n");
		assertThat(get("/frontend/logo.svg?url").body()).isEqualTo("export default \"/frontend/logo.svg\";\n");
		assertThat(get("/frontend/logo.svg?import").body()).isEqualTo("export default \"/frontend/logo.svg\";\n");
	}

	@Test
	void cssModuleScopesItsClassesAndExportsTheMap() throws Exception {
		String body = get("/frontend/card.module.css?import").body();
		assertThat(body)
			.containsPattern("export default \\{\"card\": \"card_[0-9a-f]{6}\", "
					+ "\"title-text\": \"title-text_[0-9a-f]{6}\", \"other\": \"other_[0-9a-f]{6}\"\\};")
			.containsPattern(
					"\\.card_[0-9a-f]{6} \\{ color: rgb\\(0, 128, 0\\); background: url\\(/frontend/logo.svg\\)")
			.contains("/* .comment stays */")
			.contains("margin: 0.5px")
			.contains("font-size: 1.5em");
	}

	@Test
	void importMetaEnvHoldsTheModeAndOnlyTheExposedProperties() throws Exception {
		String body = get("/frontend/imports.ts").body();
		assertThat(body.lines().findFirst().orElseThrow()).startsWith(
				"import.meta.env = {\"GREETING\": \"hello\", \"MODE\": \"development\", \"DEV\": true, \"PROD\": false, \"BASE_URL\": \"/\"};");
		assertThat(body).doesNotContain("s3cr3t");
		assertThat(get("/frontend/store/index.ts").body()).doesNotContain("import.meta.env =");
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

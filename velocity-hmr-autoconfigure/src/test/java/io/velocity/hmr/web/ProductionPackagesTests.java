package io.velocity.hmr.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.bundle.PackageBundler;

import org.springframework.beans.factory.ObjectProvider;
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
 * Packages and imports with hot module replacement off, as a packaged application runs:
 * modules from the classpath location, packages served module by module (no bundler, no
 * native tool), assets fingerprinted, {@code import.meta.env} in production mode.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=false", "velocity.hmr.env.GREETING=hello" })
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class ProductionPackagesTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	ObjectProvider<PackageBundler> bundler;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createProject() throws IOException {
		FileSystemUtils
			.copyRecursively(new ClassPathResource("io/velocity/hmr/web/package-fixtures").getFile().toPath(), temp);
	}

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.classpath-location", () -> temp.resolve("frontend").toUri().toString());
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
		registry.add("velocity.hmr.tsconfig", () -> temp.resolve("tsconfig.json").toString());
	}

	@Test
	void packagesAreServedModuleByModuleWithoutABundler() throws Exception {
		assertThat(this.bundler.getIfAvailable()).isNull();
		assertThat(get("/frontend/dates.ts").body()).contains("\"/__velocity/npm/date-fns@4.1.0/index.js\"");
		HttpResponse<String> dateFns = get("/__velocity/npm/date-fns@4.1.0/index.js");
		assertThat(dateFns.statusCode()).isEqualTo(200);
		assertThat(dateFns.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(dateFns.body()).contains("export * from \"/__velocity/npm/date-fns@4.1.0/add.js\";");
	}

	@Test
	void assetsAreFingerprintedAndCachedForGood() throws Exception {
		String logoModule = get("/frontend/logo.svg?import").body();
		Matcher url = Pattern.compile("export default \"(/frontend/logo\\.svg\\?v=[0-9a-f]{8})\";").matcher(logoModule);
		assertThat(url.find()).as(logoModule).isTrue();
		HttpResponse<String> logo = get(url.group(1));
		assertThat(logo.statusCode()).isEqualTo(200);
		assertThat(logo.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(logo.body()).contains("<svg");
	}

	@Test
	void importMetaEnvIsInProductionModeAndAliasesResolve() throws Exception {
		String body = get("/frontend/imports.ts").body();
		assertThat(body)
			.startsWith("import.meta.env = {\"GREETING\": \"hello\", \"MODE\": \"production\", "
					+ "\"DEV\": false, \"PROD\": true, \"BASE_URL\": \"/\"};")
			.contains("from \"/frontend/store/index.ts\"");
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

package io.velocity.sample;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.Containers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample, its front end built by the plugin at package time, started with
 * {@code java -jar} in a JVM of its own with no profile, as it would run in production:
 * what the browser loads is fingerprinted, minified, cached for good and compressed; the
 * static page and the Thymeleaf page are rewritten with preload hints; the lazy component
 * is fetched on the click that needs it only; the source URLs still work; and the app
 * neither loads swc nor maps any native library, though both are in the jar.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ProductionJarIT {

	// Set by failsafe, which runs this class once the jar is packaged.
	private static final String JAR_PROPERTY = "velocity.sample.jar";

	private final HttpClient http = HttpClient.newHttpClient();

	private Process app;

	private String base;

	private Path classLog;

	@BeforeAll
	void startTheJar() throws Exception {
		String jar = System.getProperty(JAR_PROPERTY);
		assertThat(jar).as("system property '%s', the packaged jar", JAR_PROPERTY).isNotNull();
		int port = Containers.freePort();
		this.classLog = Files.createTempFile("velocity-sample-classes", ".log");
		this.app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xlog:class+load=info:file=" + this.classLog, "-jar", jar, "--server.address=127.0.0.1",
				"--server.port=" + port)
			.redirectErrorStream(true)
			.start();
		this.base = "http://127.0.0.1:" + port;
		BufferedReader output = new BufferedReader(new InputStreamReader(this.app.getInputStream()));
		CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> {
			StringBuilder log = new StringBuilder();
			try {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					log.append(line).append('\n');
					if (line.contains("Started SampleApplication")) {
						return log.toString();
					}
				}
			}
			catch (IOException ex) {
				log.append(ex);
			}
			throw new IllegalStateException("The jar stopped before it started:\n" + log);
		});
		// A bound for a slow machine, not a measurement: start-up takes a few seconds.
		String log = started.get(2, TimeUnit.MINUTES);
		assertThat(log).doesNotContain("compiles the front end on request");
		Thread drain = new Thread(() -> output.lines().forEach((line) -> {
		}), "sample-output");
		drain.setDaemon(true);
		drain.start();
	}

	@AfterAll
	void stopTheJar() throws InterruptedException, IOException {
		if (this.app != null) {
			this.app.destroy();
			this.app.waitFor(30, TimeUnit.SECONDS);
		}
		if (this.classLog != null) {
			Files.deleteIfExists(this.classLog);
		}
	}

	@Test
	void servesTheStaticPageFromTheBuild(Page page, ConsoleLog console) throws Exception {
		List<Response> responses = BuiltFrontEnd.assertHomePageWorks(page, console, this.base);
		String entry = page.locator("script[type=module]").getAttribute("src");
		String code = get(entry, null).body();
		assertThat(code).as("minified: no indentation, local names mangled")
			.doesNotContain("\n  ")
			.doesNotContain("\n\t")
			.doesNotContain("setCount")
			.contains("Count: ");
		assertThat(responses).extracting(Response::url)
			.as("no source URL")
			.noneMatch((url) -> URI.create(url).getPath().startsWith("/frontend/"));
	}

	@Test
	void rewritesTheThymeleafPageAndLoadsTheLazyChunkOnDemand(Page page, ConsoleLog console) {
		List<Response> responses = BuiltFrontEnd.record(page);
		page.navigate(this.base + "/about");
		assertThat(page.locator("#about-title")).hasText("About this sample");
		assertThat(page.locator("script[type=module]").getAttribute("src")).matches(BuiltFrontEnd.FINGERPRINTED);
		assertThat(page.locator("link[rel=modulepreload]").count()).isPositive();
		assertThat(page.locator("#about-details-toggle")).isVisible();
		assertThat(responses).extracting(Response::url).noneMatch((url) -> url.contains("/chunks/Details-"));
		page.locator("#about-details-toggle").click();
		assertThat(page.locator("#about-details")).isVisible();
		page.locator("#about-details-read").click();
		assertThat(page.locator("#about-details-read")).hasText("Read 2 times");
		assertThat(responses).extracting(Response::url).anyMatch((url) -> url.contains("/chunks/Details-"));
		BuiltFrontEnd.assertFingerprintedAndImmutable(responses);
		assertThat(console.errors()).isEmpty();
	}

	@Test
	void sendsTheCompressedVariantTheClientAccepts() throws Exception {
		String entry = entryUrl();
		HttpResponse<byte[]> plain = bytes(entry, "identity");
		HttpResponse<byte[]> gzip = bytes(entry, "gzip, deflate");
		HttpResponse<byte[]> brotli = bytes(entry, "gzip, deflate, br");
		assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
		assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
		assertThat(brotli.headers().firstValue("content-encoding")).hasValue("br");
		assertThat(brotli.headers().firstValue("vary")).hasValue("Accept-Encoding");
		assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(plain.body());
		Brotli4jLoader.ensureAvailability();
		assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain.body());
		assertThat(brotli.body().length).isLessThan(gzip.body().length).isLessThan(plain.body().length);
	}

	@Test
	void keepsTheSourceUrlsWorking() throws Exception {
		HttpResponse<String> redirect = get("/frontend/main.tsx", null);
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("location")).hasValue(entryUrl());
		HttpResponse<String> followed = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create(this.base + "/frontend/main.tsx")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(followed.statusCode()).isEqualTo(200);
		assertThat(followed.body()).isEqualTo(get(entryUrl(), null).body());
		HttpResponse<String> bundled = get("/frontend/Counter.tsx", null);
		assertThat(bundled.statusCode()).isEqualTo(404);
		assertThat(bundled.body()).contains("part of the production build's chunks");
		assertThat(get("/frontend/styles.css", null).headers().firstValue("location").orElseThrow())
			.matches(BuiltFrontEnd.FINGERPRINTED);
	}

	@Test
	void loadsNoCompilerAndNoNativeLibrary() throws IOException {
		// Pages were served and used by now (test order aside, this one asks for one).
		assertThat(get("/", null).statusCode()).isEqualTo(200);
		assertThat(get(entryUrl(), null).statusCode()).isEqualTo(200);
		String maps = Files.readString(Path.of("/proc", Long.toString(this.app.pid()), "maps"));
		assertThat(maps).doesNotContain("swc4j").doesNotContain("jnidispatch");
		String classes = Files.readString(this.classLog);
		assertThat(classes).contains("io.velocity.hmr.production.BuiltFileRequestHandler")
			.doesNotContain("com.caoccao")
			.doesNotContain("io.velocity.hmr.compile.ModuleCompiler")
			.doesNotContain("com.sun.jna");
	}

	private String entryUrl() throws IOException {
		return get("/frontend/main.tsx", null).headers().firstValue("location").orElseThrow();
	}

	private HttpResponse<String> get(String path, String acceptEncoding) throws IOException {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30));
			if (acceptEncoding != null) {
				request.header("Accept-Encoding", acceptEncoding);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private HttpResponse<byte[]> bytes(String path, String acceptEncoding) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Encoding", acceptEncoding)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}

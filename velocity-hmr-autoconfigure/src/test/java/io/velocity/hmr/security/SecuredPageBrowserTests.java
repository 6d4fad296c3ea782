package io.velocity.hmr.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.registry.PageBundler;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import io.velocity.hmr.test.SourceTree;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page behind Spring Security's form login, with a nonce-based strict
 * Content-Security-Policy, in Chromium: the login page loads the client without errors,
 * the login lands on the page the user asked for (never on a development endpoint), and a
 * saved module hot-updates the page. With the page bundled, as by default; see
 * {@link NativeSecuredPageBrowserTests} for native modules.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "velocity.hmr.enabled=true", "velocity.hmr.debug=true",
				"spring.security.user.name=dev", "spring.security.user.password=secret" })
@ExtendWith(BrowserExtension.class)
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class SecuredPageBrowserTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	ObjectProvider<PageBundler> bundler;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void copyFixtures() throws IOException {
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/security/fixtures").getFile().toPath(),
				temp);
	}

	@DynamicPropertySource
	static void project(DynamicPropertyRegistry registry) {
		registry.add("velocity.hmr.source-roots", () -> temp.resolve("frontend").toString());
		registry.add("velocity.hmr.reload-roots", () -> temp.resolve("static").toString());
		registry.add("spring.web.resources.static-locations", () -> temp.resolve("static").toUri().toString());
	}

	@Test
	void logsInLandsOnThePageAndHotUpdatesIt(Page page, ConsoleLog console) {
		List<String> responses = new CopyOnWriteArrayList<>();
		page.onResponse((response) -> responses.add(describe(response)));
		page.navigate(url("/"));
		assertThat(page).hasURL(url("/login"));
		// The login page is a page: it gets the client, with the policy's nonce, and the
		// client gets through the login to open its socket.
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");
		assertThat(responses).contains("200 " + url("/__velocity/hmr-client.js") + " text/javascript");

		page.locator("input[name=username]").fill("dev");
		page.locator("input[name=password]").fill("secret");
		page.locator("button[type=submit]").click();
		// Where the user was going, not a script the login page loaded.
		assertThat(page).hasURL(url("/?continue"));
		assertThat(page.locator("#user")).hasText("Signed in as dev");
		assertThat(page.locator("#title")).hasText("Your account");
		assertThat(page.locator("#title")).hasCSS("color", "rgb(0, 0, 128)");
		page.waitForFunction("() => window.__velocity_hmr__?.state === 'open'");

		page.evaluate("() => { window.__marker = 'no reload'; }");
		page.locator("#visit").click();
		page.locator("#visit").click();
		assertThat(page.locator("#visits")).hasText("Visits: 2");
		SourceTree.at(temp.resolve("frontend")).edit("Account.tsx", "Your account", "Your account, hot");
		assertThat(page.locator("#title")).hasText("Your account, hot");
		assertThat(page.locator("#visits")).hasText("Visits: 2");
		assertThat(page.evaluate("() => window.__marker")).as("the page was not reloaded").isEqualTo("no reload");
		assertThat(page.locator("velocity-error-overlay")).hasCount(0);

		// No script was answered with a page (the MIME type error); what the console
		// shows are the client's probes for data: and blob: modules, which the policy
		// refuses.
		assertThat(responses).noneMatch((response) -> response.contains("/__velocity/") && response.endsWith("html"));
		assertThat(console.errors()).noneMatch((error) -> error.contains("MIME type"))
			.allSatisfy(
					(error) -> assertThat(error).contains("Content Security Policy").containsAnyOf("'data:", "'blob:"));
	}

	@Test
	void developmentEndpointsAnswerWithoutALoginAndAreNeverSavedToReturnTo() throws Exception {
		List<String> paths = new ArrayList<>(
				List.of("/__velocity/hmr-client.js", "/__velocity/runtime.js", "/frontend/Account.tsx"));
		if (this.bundler.getIfAvailable() != null) {
			paths.add("/__velocity/bundle?entry=%2Ffrontend%2Fmain.tsx");
		}
		for (String path : paths) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			// No session, so nothing saved in one for a login to return to.
			assertThat(response.headers().firstValue("Set-Cookie")).as(path).isEmpty();
		}
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValue(url("/login"));
		assertThat(page.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> cookie.startsWith("JSESSIONID="));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String describe(Response response) {
		String type = response.headers().getOrDefault("content-type", "");
		return response.status() + " " + response.url() + " " + type.replaceFirst(";.*", "");
	}

}

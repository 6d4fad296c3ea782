package io.velocity.hmr.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client script tag lands exactly once in every kind of HTML response, and nowhere
 * else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true",
				"velocity.hmr.source-roots=src/test/resources/io/velocity/hmr/web/fixtures",
				"spring.web.resources.static-locations=classpath:/io/velocity/hmr/web/static/",
				"spring.thymeleaf.prefix=classpath:/io/velocity/hmr/web/templates/" })
class HtmlScriptInjectionTests {

	private static final String SCRIPT = "<script type=\"module\" src=\"/__velocity/hmr-client.js\"";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void welcomePageForwardIsInjectedOnce() throws Exception {
		assertInjectedOnce(get("/", "text/html"));
	}

	@Test
	void staticPageIsInjectedOnceFirstInTheHeadWithItsTextIntact() throws Exception {
		HttpResponse<byte[]> response = get("/index.html", "text/html");
		String body = assertInjectedOnce(response);
		assertThat(body).contains(SCRIPT)
			.containsSubsequence("<head>", SCRIPT, "<title>Injection fixture</title>", "</head>")
			.contains("Grüße aus dem Test");
	}

	@Test
	void thymeleafViewIsInjectedOnce() throws Exception {
		assertThat(assertInjectedOnce(get("/thymeleaf", "text/html"))).contains("<p>Rendered by Thymeleaf</p>");
	}

	@Test
	void controllerHtmlStringIsInjectedOnce() throws Exception {
		assertThat(assertInjectedOnce(get("/html-string", "text/html"))).startsWith(SCRIPT).endsWith("<b>hi</b>");
	}

	@Test
	void errorPageIsInjectedOnce() throws Exception {
		HttpResponse<byte[]> response = get("/no-such-page", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertInjectedOnce(response);
	}

	@Test
	void jsonScriptsAndCssAreLeftAlone() throws Exception {
		assertThat(body(get("/json", "application/json"))).isEqualTo("{\"hello\":\"world\"}").doesNotContain("script");
		assertThat(body(get("/frontend/components/Counter.tsx", "*/*"))).doesNotContain("<script");
		HttpResponse<byte[]> css = get("/frontend/styles.css", "text/css");
		assertThat(css.headers().firstValue("ETag")).as("non-HTML keeps its validators").isPresent();
		assertThat(body(css)).doesNotContain("script");
	}

	@Test
	void keepsTheDeclaredCharset() throws Exception {
		HttpResponse<byte[]> response = get("/latin1", "text/html");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type.toLowerCase()).contains("iso-8859-1"));
		String body = new String(response.body(), StandardCharsets.ISO_8859_1);
		assertThat(body).contains("café").contains(SCRIPT);
	}

	@Test
	void carriesTheNonceOfTheApplicationsContentSecurityPolicy() throws Exception {
		assertThat(assertInjectedOnce(get("/csp", "text/html"))).contains(SCRIPT + " nonce=\"n0nce\"></script>");
	}

	@Test
	void carriesTheNonceOfThePagesScriptsWhenThereIsNoPolicyHeader() throws Exception {
		// The page's module graph preloads the client too: the script tag is there once.
		assertThat(body(get("/nonce-in-page", "text/html"))).containsOnlyOnce(SCRIPT)
			.contains(SCRIPT + " nonce=\"p4ge\"></script>");
	}

	@Test
	void htmlAScriptStyleSheetOrFetchAskedForIsLeftAlone() throws Exception {
		// Such as the login page a script request was redirected to: the browser will
		// not render it, and a script tag in a fragment would land in another page.
		for (String destination : List.of("script", "style", "empty", "image")) {
			HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri("/index.html"))
				.header("Accept", "*/*")
				.header("Sec-Fetch-Dest", destination)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(body(response)).as(destination)
				.contains("<title>Injection fixture</title>")
				.doesNotContain(SCRIPT);
		}
		for (String destination : List.of("document", "iframe")) {
			HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri("/index.html"))
				.header("Accept", "text/html")
				.header("Sec-Fetch-Dest", destination)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertInjectedOnce(response);
		}
	}

	@Test
	void navigationAlwaysGetsTheWholePageSinceItCarriesTheProcessToken() throws Exception {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri("/index.html"))
			.header("Accept", "text/html")
			.header("If-None-Match", "\"anything\"")
			.header("If-Modified-Since", "Wed, 01 Jan 2098 00:00:00 GMT")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).isEmpty();
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
		assertInjectedOnce(response);
	}

	private String assertInjectedOnce(HttpResponse<byte[]> response) {
		String body = body(response);
		assertThat(body).containsOnlyOnce("/__velocity/hmr-client.js");
		assertThat(response.headers().firstValueAsLong("Content-Length")).as("Content-Length matches the injected body")
			.hasValue(response.body().length);
		return body;
	}

	private static String body(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		@GetMapping("/thymeleaf")
		String thymeleaf(Model model) {
			model.addAttribute("message", "Rendered by Thymeleaf");
			return "greeting";
		}

		@GetMapping(path = "/html-string", produces = "text/html")
		@ResponseBody
		String htmlString() {
			return "<b>hi</b>";
		}

		@GetMapping(path = "/json", produces = "application/json")
		@ResponseBody
		Map<String, String> json() {
			return Map.of("hello", "world");
		}

		@GetMapping("/latin1")
		void latin1(HttpServletResponse response) throws IOException {
			response.setContentType("text/html;charset=ISO-8859-1");
			response.getWriter().write("<html><head></head><body>café</body></html>");
		}

		@GetMapping(path = "/nonce-in-page", produces = "text/html")
		@ResponseBody
		String nonceInPage() {
			return "<html><head><script nonce=\"p4ge\" type=\"module\" src=\"/frontend/main.tsx\"></script></head></html>";
		}

		@GetMapping(path = "/csp", produces = "text/html")
		@ResponseBody
		String csp(HttpServletResponse response) {
			response.setHeader("Content-Security-Policy", "script-src 'self' 'nonce-n0nce'");
			return "<html><head><title>csp</title></head><body></body></html>";
		}

	}

}

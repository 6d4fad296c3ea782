package io.velocity.hmr.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site whose name was made to resolve to this machine (DNS rebinding)
 * reads nothing from the development endpoints and cannot open the socket: its requests
 * carry that site's name as their host.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "velocity.hmr.enabled=true", "velocity.hmr.allowed-hosts=dev.example.test" })
// The context serves this class's temporary folder: closed with it, so that a test run
// again gets a context of its own folder.
@DirtiesContext
class DnsRebindingTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	@Autowired
	HmrToken token;

	@DynamicPropertySource
	static void sourceRoot(DynamicPropertyRegistry registry) throws IOException {
		Path root = temp.resolve("frontend");
		FileSystemUtils.copyRecursively(new ClassPathResource("io/velocity/hmr/web/fixtures").getFile().toPath(), root);
		registry.add("velocity.hmr.source-roots", root::toString);
	}

	@Test
	void refusesTheClientScriptModulesAndStatusToAnotherHost() throws IOException {
		String evil = "evil.example:" + this.port;
		for (String path : new String[] { "/__velocity/hmr-client.js", "/frontend/main.tsx", "/__velocity/status",
				"/__velocity/runtime.js", "/__velocity/bundle?entry=%2Ffrontend%2Fmain.tsx" }) {
			String response = get(path, evil, null);
			assertThat(status(response)).as(path).isEqualTo(403);
			assertThat(response).as(path)
				.doesNotContain(this.token.value())
				.contains("Blocked request")
				.contains("velocity.hmr.allowed-hosts");
		}
	}

	@Test
	void servesTheSameToLocalAndConfiguredHosts() throws IOException {
		for (String host : new String[] { "localhost:" + this.port, "127.0.0.1:" + this.port,
				"dev.example.test:" + this.port }) {
			String response = get("/__velocity/hmr-client.js", host, null);
			assertThat(status(response)).as(host).isEqualTo(200);
			assertThat(response).contains(this.token.value());
		}
	}

	@Test
	void refusesAForwardedHostThePageAddedItself() throws IOException {
		String response = get("/__velocity/hmr-client.js", "localhost:" + this.port, "evil.example");
		assertThat(status(response)).isEqualTo(403);
		assertThat(response).doesNotContain(this.token.value());
	}

	@Test
	void refusesTheSocketToAnotherHostEvenWithTheTokenAndAMatchingOrigin() throws IOException {
		String evil = "evil.example:" + this.port;
		try (RawUpgrade upgrade = RawUpgrade.open(this.port, "token=" + this.token.value(), "http://" + evil, evil)) {
			assertThat(upgrade.status()).isEqualTo(403);
		}
		String own = "localhost:" + this.port;
		try (RawUpgrade upgrade = RawUpgrade.open(this.port, "token=" + this.token.value(), "http://" + own, own)) {
			assertThat(upgrade.status()).isEqualTo(101);
		}
	}

	@Test
	void theInterceptorRefusesAnotherHostToo() throws IOException {
		// For an application that replaced the filter.
		HmrHandshakeInterceptor interceptor = new HmrHandshakeInterceptor(this.token, List.of());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/__hmr");
		request.addHeader("Host", "evil.example:8080");
		request.addHeader("Origin", "http://evil.example:8080");
		request.setServerName("evil.example");
		request.setServerPort(8080);
		request.setQueryString("token=" + this.token.value());
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor.beforeHandshake(new ServletServerHttpRequest(request),
				new ServletServerHttpResponse(response), null, new HashMap<>()))
			.isFalse();
		assertThat(response.getStatus()).isEqualTo(403);
	}

	private String get(String path, String host, String forwardedHost) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
					+ ((forwardedHost != null) ? "X-Forwarded-Host: " + forwardedHost + "\r\n" : "")
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}

package io.velocity.hmr.server;

import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HmrHandshakeInterceptor}.
 */
class HmrHandshakeInterceptorTests {

	private final HmrToken token = HmrToken.generate();

	private final HmrHandshakeInterceptor interceptor = new HmrHandshakeInterceptor(this.token,
			List.of("http://Tools.Example:5173/", "https://proxy.example"));

	@Test
	void admitsOwnOriginWithDefaultPortWrittenEitherWay() {
		assertThat(admits(request("https", "app.example", 443, "https://app.example"))).isTrue();
		assertThat(admits(request("https", "app.example", 443, "https://app.example:443"))).isTrue();
		assertThat(admits(request("http", "localhost", 8080, "http://LOCALHOST:8080"))).isTrue();
	}

	@Test
	void refusesOwnHostWithOtherSchemeOrPort() {
		assertThat(admits(request("http", "localhost", 8080, "https://localhost:8080"))).isFalse();
		assertThat(admits(request("http", "localhost", 8080, "http://localhost:8081"))).isFalse();
		assertThat(admits(request("http", "localhost", 8080, "http://localhost"))).isFalse();
	}

	@Test
	void treatsWebSocketSchemesAsTheirHttpCounterparts() {
		assertThat(admits(request("http", "localhost", 8080, "ws://localhost:8080"))).isTrue();
		assertThat(admits(request("https", "app.example", 443, "wss://app.example"))).isTrue();
	}

	@Test
	void admitsConfiguredOriginsNormalized() {
		assertThat(admits(request("http", "localhost", 8080, "http://tools.example:5173"))).isTrue();
		assertThat(admits(request("http", "localhost", 8080, "https://proxy.example:443"))).isTrue();
		assertThat(admits(request("http", "localhost", 8080, "http://proxy.example"))).isFalse();
	}

	@Test
	void refusesOriginThatIsNotAnOrigin() {
		assertThat(admits(request("http", "localhost", 8080, "null"))).isFalse();
		assertThat(admits(request("http", "localhost", 8080, "file:///index.html"))).isFalse();
		assertThat(admits(request("http", "localhost", 8080, "http://local host:8080"))).isFalse();
	}

	@Test
	void refusesWithForbiddenStatus() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean admitted = this.interceptor.beforeHandshake(
				new ServletServerHttpRequest(request("http", "localhost", 8080, "http://evil.example")),
				new ServletServerHttpResponse(response), new TextWebSocketHandler(), new HashMap<>());
		assertThat(admitted).isFalse();
		assertThat(response.getStatus()).isEqualTo(HttpStatus.FORBIDDEN.value());
	}

	@Test
	void refusesPercentEncodedWrongToken() {
		MockHttpServletRequest request = request("http", "localhost", 8080, "http://localhost:8080");
		request.setQueryString("token=" + this.token.value() + "%41");
		assertThat(admits(request)).isFalse();
	}

	@Test
	void rejectsMisconfiguredAllowedOrigin() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HmrHandshakeInterceptor(this.token, List.of("localhost:5173")))
			.withMessageContaining("'localhost:5173'");
	}

	private boolean admits(MockHttpServletRequest request) {
		try {
			return this.interceptor.beforeHandshake(new ServletServerHttpRequest(request),
					new ServletServerHttpResponse(new MockHttpServletResponse()), new TextWebSocketHandler(),
					new HashMap<>());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MockHttpServletRequest request(String scheme, String host, int port, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/__hmr");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		request.setQueryString("token=" + this.token.value());
		request.addHeader("Origin", origin);
		return request;
	}

}

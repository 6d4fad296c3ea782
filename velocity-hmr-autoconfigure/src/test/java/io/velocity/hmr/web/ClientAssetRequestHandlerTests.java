package io.velocity.hmr.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientAssetRequestHandler}.
 */
class ClientAssetRequestHandlerTests {

	private final ClientAssetRequestHandler handler = new ClientAssetRequestHandler(
			new HmrClientSettings("token-token-token-token-token", "instance", "/__hmr", null, null, true, false));

	@Test
	void servesTheListedModules() throws Exception {
		assertThat(this.handler.getModuleNames()).contains("runtime.js", "hmr-client.js", "module-loader.js");
		assertThat(get("/__velocity/runtime.js").getStatus()).isEqualTo(200);
	}

	@Test
	void missingNamesAreNeverRemembered() throws Exception {
		// Each distinct missing name used to be cached for good: 100,000 requests, no
		// token needed, grew the heap by 37 MiB.
		List<String> before = this.handler.getModuleNames();
		for (int i = 0; i < 20_000; i++) {
			assertThat(get("/__velocity/missing-" + i + ".js").getStatus()).isEqualTo(404);
		}
		assertThat(this.handler.getModuleNames()).containsExactlyInAnyOrderElementsOf(before);
	}

	private MockHttpServletResponse get(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handleRequest(request, response);
		return response;
	}

}

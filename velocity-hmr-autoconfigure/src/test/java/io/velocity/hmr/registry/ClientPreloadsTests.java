package io.velocity.hmr.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientPreloads}.
 */
class ClientPreloadsTests {

	@Test
	void hintsTheClientTheRegistryAndTheRuntimeWithEveryModuleTheyImport() {
		String tags = new ClientPreloads().tags("abc");
		assertThat(tags).startsWith("<link rel=\"modulepreload\" href=\"/__velocity/hmr-client.js\" nonce=\"abc\">")
			.contains("href=\"/__velocity/module-registry.js\"", "href=\"/__velocity/reactive-graph.js\"",
					"href=\"/__velocity/web-dom.js\"")
			.doesNotContain("update-timing.js");
	}

}

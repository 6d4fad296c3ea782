package io.velocity.hmr.server;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrWebSocketHandler}.
 */
class HmrWebSocketHandlerTests {

	@Test
	void keepsShortCloseReason() {
		String reason = "Message is not a JSON object";
		assertThat(HmrWebSocketHandler.reason(reason)).isEqualTo(reason);
	}

	@Test
	void shortensCloseReasonToWhatTheProtocolAllows() {
		String reason = HmrWebSocketHandler.reason("Unknown message type '" + "\u00e9".repeat(100) + "'");
		assertThat(reason.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(123);
		assertThat(reason).startsWith("Unknown message type '\u00e9").endsWith("...");
	}

}

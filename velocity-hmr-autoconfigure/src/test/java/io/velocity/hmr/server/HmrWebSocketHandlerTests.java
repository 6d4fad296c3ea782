package io.velocity.hmr.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.velocity.hmr.protocol.HmrMessageCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HmrWebSocketHandler}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HmrWebSocketHandlerTests {

	private final SteppingClock clock = new SteppingClock();

	private final List<String> invalidated = new ArrayList<>();

	private final HmrWebSocketHandler handler = new HmrWebSocketHandler(new HmrBroadcaster(new HmrMessageCodec()),
			new HmrMessageCodec(), HmrInstanceId.generate(), new HmrClientEvents() {

				@Override
				public void invalidate(String url, @Nullable String message) {
					HmrWebSocketHandlerTests.this.invalidated.add(url + " " + message);
				}

			}, this.clock);

	@Test
	void throttlesAFloodOfInvalidationsFromOneClient() throws Exception {
		WebSocketSession flooder = session("flooder");
		for (int i = 0; i < 1000; i++) {
			this.handler.handleMessage(flooder, invalidate("/frontend/App.tsx", "again"));
		}
		assertThat(this.invalidated).hasSize(InvalidateThrottle.BURST);
		// Another client is not held back by it.
		this.handler.handleMessage(session("other"), invalidate("/frontend/Other.tsx", null));
		assertThat(this.invalidated).hasSize(InvalidateThrottle.BURST + 1);
		this.clock.advance(1000);
		for (int i = 0; i < 1000; i++) {
			this.handler.handleMessage(flooder, invalidate("/frontend/App.tsx", "again"));
		}
		assertThat(this.invalidated).hasSize(InvalidateThrottle.BURST + 1 + InvalidateThrottle.PER_SECOND);
	}

	@Test
	void escapesWhatTheClientSentBeforeItIsLoggedOrPassedOn(CapturedOutput output) throws Exception {
		this.handler.handleMessage(session("s"),
				invalidate("/frontend/App.tsx\nINFO forged", "reason\r\n2026-01-01 ERROR forged line"));
		assertThat(this.invalidated)
			.containsExactly("/frontend/App.tsx\\nINFO forged reason\\r\\n2026-01-01 ERROR forged line");
		this.handler.handleMessage(session("t"), new TextMessage("{\"type\":\"x\\nERROR forged\"}"));
		assertThat(output).contains("Unknown message type 'x\\nERROR forged'").doesNotContain("\nERROR forged");
	}

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

	private static WebSocketSession session(String id) {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(id);
		return session;
	}

	private static TextMessage invalidate(String path, @Nullable String message) {
		return new TextMessage("{\"type\":\"invalidate\",\"path\":" + quote(path) + ",\"message\":"
				+ ((message != null) ? quote(message) : "null") + "}");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
	}

	private static final class SteppingClock extends Clock {

		private long millis = 1_000_000;

		void advance(long by) {
			this.millis += by;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.millis);
		}

	}

}

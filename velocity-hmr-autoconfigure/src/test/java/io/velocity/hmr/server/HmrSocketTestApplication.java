package io.velocity.hmr.server;

import java.time.Duration;
import java.util.List;

import io.velocity.hmr.protocol.HmrMessageCodec;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/**
 * A minimal application that serves the HMR socket, standing in for the
 * auto-configuration in tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSocket
class HmrSocketTestApplication {

	static final String ALLOWED_ORIGIN = "http://tools.example:5173";

	static final int BUFFER_SIZE_LIMIT = 1024 * 1024;

	@Bean
	HmrToken hmrToken() {
		return HmrToken.generate();
	}

	@Bean
	HmrMessageCodec hmrMessageCodec() {
		return new HmrMessageCodec();
	}

	@Bean
	HmrBroadcaster hmrBroadcaster(HmrMessageCodec codec) {
		// A send time limit far beyond the test's run, so that only the buffer size
		// limit closes a client that stops reading.
		return new HmrBroadcaster(codec, Duration.ofMinutes(10), BUFFER_SIZE_LIMIT);
	}

	@Bean
	HmrInstanceId hmrInstanceId() {
		return HmrInstanceId.generate();
	}

	@Bean
	HmrWebSocketHandler hmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec,
			HmrInstanceId instanceId) {
		return new HmrWebSocketHandler(broadcaster, codec, instanceId);
	}

	@Bean
	HmrWebSocketConfigurer hmrWebSocketConfigurer(HmrWebSocketHandler handler, HmrToken token) {
		return new HmrWebSocketConfigurer(handler, new HmrHandshakeInterceptor(token, List.of(ALLOWED_ORIGIN)));
	}

}

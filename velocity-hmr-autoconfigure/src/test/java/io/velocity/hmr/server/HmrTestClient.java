package io.velocity.hmr.server;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.HmrMessageCodec;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket client of the HMR socket for tests, collecting what the server sends.
 */
final class HmrTestClient extends TextWebSocketHandler {

	static final int MAX_MESSAGE_SIZE = 1024 * 1024;

	private static final HmrMessageCodec codec = new HmrMessageCodec();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

	private final WebSocketSession session;

	private HmrTestClient(URI uri, String origin) throws Exception {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE_SIZE);
		StandardWebSocketClient client = new StandardWebSocketClient(container);
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.setOrigin(origin);
		this.session = client.execute(this, headers, uri).get(10, TimeUnit.SECONDS);
	}

	static HmrTestClient connect(int port, String token, String origin) throws Exception {
		return new HmrTestClient(URI.create("ws://localhost:" + port + "/__hmr?token=" + token), origin);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		this.messages.add(message.getPayload());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.closed.complete(status);
	}

	void send(String text) throws Exception {
		this.session.sendMessage(new TextMessage(text));
	}

	void send(WebSocketMessage<?> message) throws Exception {
		this.session.sendMessage(message);
	}

	String nextText() throws InterruptedException {
		String message = this.messages.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("message from the server within 10 seconds").isNotNull();
		return message;
	}

	HmrMessage next() throws InterruptedException {
		return codec.readServerMessage(nextText());
	}

	CloseStatus awaitClose() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	void close() throws Exception {
		if (this.session.isOpen()) {
			this.session.close();
		}
	}

}

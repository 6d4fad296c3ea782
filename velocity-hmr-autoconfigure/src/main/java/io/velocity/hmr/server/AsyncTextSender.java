package io.velocity.hmr.server;

import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;

/**
 * The standard WebSocket API's asynchronous sending, where the container offers it
 * (Tomcat, Undertow): a text is written on the calling thread as far as the socket takes
 * it at once, and the rest later by the container, which then reports the outcome. A
 * message to a page that reads along so reaches the socket without waiting for another
 * thread, and a page that stops reading never blocks the sender.
 */
final class AsyncTextSender {

	private final RemoteEndpoint.Async remote;

	private AsyncTextSender(RemoteEndpoint.Async remote) {
		this.remote = remote;
	}

	/**
	 * The asynchronous sender of a session, if it has the standard API underneath. Call
	 * only where that API is on the class path ({@link #isPresent()}).
	 * @param session the session
	 * @param sendTimeLimit how long one send may take, in milliseconds
	 * @return the sender, or {@code null}
	 */
	static @Nullable AsyncTextSender of(WebSocketSession session, long sendTimeLimit) {
		if (!(session instanceof NativeWebSocketSession nativeSession)) {
			return null;
		}
		Session standard = nativeSession.getNativeSession(Session.class);
		if (standard == null) {
			return null;
		}
		RemoteEndpoint.Async remote = standard.getAsyncRemote();
		remote.setSendTimeout(sendTimeLimit);
		return new AsyncTextSender(remote);
	}

	/**
	 * Start sending a text; one at a time.
	 * @param text the text
	 * @param sent called with {@code null} once it was sent, or with why it was not
	 */
	void send(String text, Consumer<@Nullable Throwable> sent) {
		this.remote.sendText(text, (result) -> sent.accept(result.isOK() ? null : result.getException()));
	}

}

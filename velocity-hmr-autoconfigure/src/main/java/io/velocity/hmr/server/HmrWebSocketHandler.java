package io.velocity.hmr.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.velocity.hmr.protocol.ClientMessage;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.HmrMessageCodec;
import io.velocity.hmr.protocol.MalformedMessageException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Handles the HMR socket: greets each client with {@link HmrMessage.Connected} carrying
 * this server run's instance id, answers pings and logs the clients' acknowledgements.
 * <p>
 * A frame the server does not understand closes the socket: a text frame that is not a
 * client message with {@link CloseStatus#BAD_DATA} (1007), a binary frame with
 * {@link CloseStatus#NOT_ACCEPTABLE} (1003), each with a reason that says what was wrong.
 * Such a frame means the client is not the one this server serves, so the client should
 * report the reason rather than reconnect.
 * <p>
 * What a client sends is escaped before it is logged or passed on, and its invalidations
 * are {@link InvalidateThrottle throttled}.
 */
public final class HmrWebSocketHandler extends TextWebSocketHandler {

	/**
	 * The longest close reason the WebSocket protocol allows, in bytes.
	 */
	private static final int MAX_REASON_BYTES = 123;

	private static final Log logger = LogFactory.getLog(HmrWebSocketHandler.class);

	private final HmrBroadcaster broadcaster;

	private final HmrMessageCodec codec;

	private final HmrClientEvents events;

	private final HmrInstanceId instanceId;

	private final InvalidateThrottle invalidations;

	private final Set<String> throttledSessions = ConcurrentHashMap.newKeySet();

	public HmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec, HmrInstanceId instanceId) {
		this(broadcaster, codec, instanceId, HmrClientEvents.NONE);
	}

	public HmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec, HmrInstanceId instanceId,
			HmrClientEvents events) {
		this(broadcaster, codec, instanceId, events, Clock.systemUTC());
	}

	HmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec, HmrInstanceId instanceId,
			HmrClientEvents events, Clock clock) {
		Assert.notNull(broadcaster, "'broadcaster' must not be null");
		Assert.notNull(codec, "'codec' must not be null");
		Assert.notNull(instanceId, "'instanceId' must not be null");
		Assert.notNull(events, "'events' must not be null");
		this.broadcaster = broadcaster;
		this.codec = codec;
		this.instanceId = instanceId;
		this.events = events;
		this.invalidations = new InvalidateThrottle(clock);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.broadcaster.add(session);
		this.broadcaster.send(session, new HmrMessage.Connected(this.instanceId.value()));
		this.events.greeting().forEach((message) -> this.broadcaster.send(session, message));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		try {
			ClientMessage clientMessage = this.codec.read(message.getPayload());
			if (clientMessage instanceof ClientMessage.Ping) {
				this.broadcaster.send(session, new HmrMessage.Pong());
			}
			else if (clientMessage instanceof ClientMessage.Updated updated && logger.isDebugEnabled()) {
				logger.debug("HMR client " + session.getId() + " applied " + LogText.escape(updated.paths().toString())
						+ " in " + updated.applyMillis() + " ms");
			}
			else if (clientMessage instanceof ClientMessage.Invalidate invalidate) {
				invalidate(session, invalidate);
			}
		}
		catch (MalformedMessageException ex) {
			logger.warn("Closing HMR socket " + session.getId() + ": " + LogText.escape(ex.getMessage()));
			this.broadcaster.close(session, CloseStatus.BAD_DATA.withReason(reason(ex.getMessage())));
		}
		catch (RuntimeException ex) {
			logger.warn("Closing HMR socket " + session.getId() + " after failing to handle a message", ex);
			this.broadcaster.close(session, CloseStatus.SERVER_ERROR);
		}
	}

	private void invalidate(WebSocketSession session, ClientMessage.Invalidate invalidate) {
		if (!this.invalidations.tryAcquire(session.getId())) {
			if (this.throttledSessions.add(session.getId())) {
				logger.warn("HMR client " + session.getId() + " asks for invalidations faster than "
						+ InvalidateThrottle.PER_SECOND + " a second; ignoring the excess");
			}
			return;
		}
		// What a client sends ends up in log lines and in messages to every client.
		String message = invalidate.message();
		this.events.invalidate(LogText.escape(invalidate.path()), (message != null) ? LogText.escape(message) : null);
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		logger.warn("Closing HMR socket " + session.getId() + ": it sent a binary frame");
		this.broadcaster.close(session,
				CloseStatus.NOT_ACCEPTABLE.withReason("Binary frames are not supported; send JSON text frames"));
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		if (logger.isDebugEnabled()) {
			logger.debug("Transport error on HMR socket " + session.getId() + ": " + exception);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.broadcaster.remove(session);
		this.invalidations.remove(session.getId());
		this.throttledSessions.remove(session.getId());
	}

	static String reason(String text) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
			return text;
		}
		StringBuilder reason = new StringBuilder();
		int bytes = 3;
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			String codePoint = new String(Character.toChars(text.codePointAt(i)));
			bytes += codePoint.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_REASON_BYTES) {
				break;
			}
			reason.append(codePoint);
		}
		return reason.append("...").toString();
	}

}

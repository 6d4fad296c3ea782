package io.velocity.hmr.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.HmrMessageCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Sends messages to the browser clients connected to the HMR socket. Sending never waits
 * for a client: each message is serialized once, queued for every open session, and
 * written asynchronously where the container can (starting on the caller's thread), else
 * by a small pool of daemon threads. A client that stops reading is closed once its
 * current write exceeds the send time limit or its queue exceeds the buffer size limit,
 * and does not delay the others.
 */
public final class HmrBroadcaster implements AutoCloseable {

	/**
	 * Default amount of time one write to a client may take before the client is
	 * considered too slow.
	 */
	public static final Duration DEFAULT_SEND_TIME_LIMIT = Duration.ofSeconds(10);

	/**
	 * Default number of bytes that may wait to be sent to one client: a few updates at
	 * their largest, as modules over 256 KB go by reference.
	 */
	public static final int DEFAULT_BUFFER_SIZE_LIMIT = 4 * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(HmrBroadcaster.class);

	private final HmrMessageCodec codec;

	private final int sendTimeLimit;

	private final int bufferSizeLimit;

	private final ExecutorService executor;

	private final Map<String, HmrClientSession> sessions = new ConcurrentHashMap<>();

	public HmrBroadcaster(HmrMessageCodec codec) {
		this(codec, DEFAULT_SEND_TIME_LIMIT, DEFAULT_BUFFER_SIZE_LIMIT);
	}

	/**
	 * Create a broadcaster.
	 * @param codec the codec that writes the messages
	 * @param sendTimeLimit how long one write to a client may take
	 * @param bufferSizeLimit how many bytes may wait to be sent to one client
	 */
	public HmrBroadcaster(HmrMessageCodec codec, Duration sendTimeLimit, int bufferSizeLimit) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.isTrue(sendTimeLimit != null && !sendTimeLimit.isNegative() && !sendTimeLimit.isZero(),
				"'sendTimeLimit' must be positive");
		Assert.isTrue(bufferSizeLimit > 0, "'bufferSizeLimit' must be positive");
		this.codec = codec;
		this.sendTimeLimit = (int) Math.min(sendTimeLimit.toMillis(), Integer.MAX_VALUE);
		this.bufferSizeLimit = bufferSizeLimit;
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("velocity-hmr-send-");
		threadFactory.setDaemon(true);
		// Threads are only taken while writing; a stuck client holds at most one.
		this.executor = Executors.newCachedThreadPool(threadFactory);
	}

	/**
	 * Send a message to every connected client. Returns without waiting for any client.
	 * @param message the message
	 */
	public void broadcast(HmrMessage message) {
		Assert.notNull(message, "'message' must not be null");
		if (this.sessions.isEmpty()) {
			return;
		}
		TextMessage text = HmrClientSession.textMessage(this.codec.write(message));
		for (HmrClientSession session : this.sessions.values()) {
			if (!session.send(text)) {
				this.sessions.remove(session.getId(), session);
			}
		}
	}

	/**
	 * Return the number of connected clients.
	 * @return the number of open sessions
	 */
	public int getSessionCount() {
		return this.sessions.size();
	}

	/**
	 * Close every session and stop the send threads.
	 */
	@Override
	public void close() {
		for (HmrClientSession session : this.sessions.values()) {
			session.close(CloseStatus.GOING_AWAY);
		}
		this.executor.shutdown();
	}

	void add(WebSocketSession session) {
		HmrClientSession client = new HmrClientSession(session, this.executor, this.sendTimeLimit, this.bufferSizeLimit,
				(terminated) -> this.sessions.remove(terminated.getId(), terminated));
		this.sessions.put(client.getId(), client);
		if (logger.isDebugEnabled()) {
			logger.debug("HMR client " + client.getId() + " connected (" + this.sessions.size() + " open)");
		}
	}

	void remove(WebSocketSession session) {
		if (this.sessions.remove(session.getId()) != null && logger.isDebugEnabled()) {
			logger.debug("HMR client " + session.getId() + " disconnected (" + this.sessions.size() + " open)");
		}
	}

	void send(WebSocketSession session, HmrMessage message) {
		HmrClientSession client = this.sessions.get(session.getId());
		if (client != null && !client.send(HmrClientSession.textMessage(this.codec.write(message)))) {
			this.sessions.remove(client.getId(), client);
		}
	}

	void close(WebSocketSession session, CloseStatus status) {
		HmrClientSession client = this.sessions.get(session.getId());
		if (client != null) {
			client.close(status);
		}
		else {
			try {
				session.close(status);
			}
			catch (IOException ex) {
				logger.debug("Failed to close HMR socket " + session.getId(), ex);
			}
		}
	}

}

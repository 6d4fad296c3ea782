package io.velocity.hmr.server;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;

/**
 * One connected client with an outbox of its own. Messages are queued on the caller's
 * thread, which keeps their order, and written by a task on the send executor, so that a
 * client that stops reading holds up neither the caller nor other clients. A client whose
 * current write takes longer than the send time limit, or whose outbox grows past the
 * buffer size limit, is terminated: its socket is closed with
 * {@link CloseStatus#SESSION_NOT_RELIABLE} and the browser client reconnects.
 * <p>
 * The outbox is needed besides {@link ConcurrentWebSocketSessionDecorator}, which writes
 * on the thread of whoever sends when no write is in progress and would block the
 * broadcasting thread; the decorator still guards the session against concurrent writes
 * and closes, with the same limits. Where the container sends asynchronously
 * ({@link AsyncTextSender}), messages are written that way instead, starting on the
 * caller's thread: a send task would wait for a core first, which took a millisecond and
 * more while the JIT was busy; a close is still left to the send executor.
 */
final class HmrClientSession {

	private static final Log logger = LogFactory.getLog(HmrClientSession.class);

	private static final boolean STANDARD_API_PRESENT = ClassUtils.isPresent("jakarta.websocket.Session",
			HmrClientSession.class.getClassLoader());

	private final ConcurrentWebSocketSessionDecorator session;

	private final Executor executor;

	private final long sendTimeLimit;

	private final long bufferSizeLimit;

	private final Consumer<HmrClientSession> onTerminated;

	private final Queue<TextMessage> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicLong outboxBytes = new AtomicLong();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean terminated = new AtomicBoolean();

	private final AtomicReference<@Nullable CloseStatus> pendingClose = new AtomicReference<>();

	private final @Nullable AsyncTextSender async;

	/**
	 * {@link System#nanoTime()} when the asynchronous send in progress started, or 0.
	 */
	private volatile long asyncSendStarted;

	HmrClientSession(WebSocketSession session, Executor executor, int sendTimeLimit, int bufferSizeLimit,
			Consumer<HmrClientSession> onTerminated) {
		this.session = new ConcurrentWebSocketSessionDecorator(session, sendTimeLimit, bufferSizeLimit,
				OverflowStrategy.TERMINATE);
		this.executor = executor;
		this.sendTimeLimit = sendTimeLimit;
		this.bufferSizeLimit = bufferSizeLimit;
		this.onTerminated = onTerminated;
		this.async = STANDARD_API_PRESENT ? AsyncTextSender.of(session, sendTimeLimit) : null;
	}

	String getId() {
		return this.session.getId();
	}

	boolean isOpen() {
		return !this.terminated.get() && this.session.isOpen();
	}

	/**
	 * Queue a message for the client without waiting for it to be written.
	 * @param message the message
	 * @return {@code false} if the session is closed or was terminated by this call
	 */
	boolean send(TextMessage message) {
		if (!isOpen()) {
			return false;
		}
		long sending = timeSinceSendStarted();
		if (sending > this.sendTimeLimit) {
			terminate("it has not taken a message for " + sending + " ms");
			return false;
		}
		long queued = this.outboxBytes.get();
		if (queued > 0 && queued + message.getPayloadLength() > this.bufferSizeLimit) {
			terminate(queued + " bytes are waiting to be sent to it");
			return false;
		}
		this.outboxBytes.addAndGet(message.getPayloadLength());
		this.outbox.add(message);
		scheduleDrain();
		return true;
	}

	/**
	 * Close the session, for example because the client sent something it should not.
	 * @param status the status to close with
	 */
	void close(CloseStatus status) {
		if (this.terminated.compareAndSet(false, true)) {
			this.outbox.clear();
			this.onTerminated.accept(this);
			// Closed by the task that writes, after the write in progress: a close while
			// a
			// frame is being written fails, and the client would see the connection drop
			// (1006) instead of this status.
			this.pendingClose.set(status);
			scheduleDrain();
		}
	}

	private long timeSinceSendStarted() {
		long started = this.asyncSendStarted;
		return (started != 0) ? (System.nanoTime() - started) / 1_000_000 : this.session.getTimeSinceSendStarted();
	}

	private void scheduleDrain() {
		if (this.draining.compareAndSet(false, true)) {
			if (this.async != null && this.pendingClose.get() == null) {
				sendNext(this.async);
				return;
			}
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// The server is shutting down.
				this.draining.set(false);
				CloseStatus status = this.pendingClose.getAndSet(null);
				if (status != null) {
					closeQuietly(status);
				}
			}
		}
	}

	/**
	 * Start the asynchronous send of the next message, holding the drain: its outcome
	 * sends the one after it. Once the outbox is empty, the drain is let go, or handed to
	 * the send executor to close the session.
	 */
	private void sendNext(AsyncTextSender sender) {
		TextMessage message = this.terminated.get() ? null : this.outbox.poll();
		if (message == null) {
			this.draining.set(false);
			if ((!this.outbox.isEmpty() && !this.terminated.get()) || this.pendingClose.get() != null) {
				scheduleDrain();
			}
			return;
		}
		this.outboxBytes.addAndGet(-message.getPayloadLength());
		this.asyncSendStarted = System.nanoTime();
		try {
			sender.send(message.getPayload(), (failure) -> {
				this.asyncSendStarted = 0;
				if (failure != null) {
					sendFailed(failure);
				}
				else {
					sendNext(sender);
				}
			});
		}
		catch (RuntimeException ex) {
			// The session was closed meanwhile.
			this.asyncSendStarted = 0;
			sendFailed(ex);
		}
	}

	private void sendFailed(Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Failed to send to HMR socket " + getId() + ": " + failure);
		}
		this.draining.set(false);
		close(CloseStatus.SESSION_NOT_RELIABLE);
		if (this.pendingClose.get() != null) {
			// A close asked for while the send was in progress.
			scheduleDrain();
		}
	}

	private void drain() {
		try {
			TextMessage message;
			while (!this.terminated.get() && (message = this.outbox.poll()) != null) {
				this.outboxBytes.addAndGet(-message.getPayloadLength());
				this.session.sendMessage(message);
			}
			CloseStatus status = this.pendingClose.getAndSet(null);
			if (status != null) {
				closeQuietly(status);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Includes the decorator's SessionLimitExceededException and a send on a
			// session the client closed meanwhile.
			if (logger.isDebugEnabled()) {
				logger.debug("Failed to send to HMR socket " + getId() + ": " + ex);
			}
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		finally {
			this.draining.set(false);
		}
		// A message or close queued after the last poll but before draining was reset
		// would otherwise wait for the next send.
		if ((!this.outbox.isEmpty() && !this.terminated.get()) || this.pendingClose.get() != null) {
			scheduleDrain();
		}
	}

	private void terminate(String why) {
		if (this.terminated.compareAndSet(false, true)) {
			logger.warn("Closing HMR socket " + getId() + " because the client is too slow: " + why
					+ "; it will reconnect");
			this.outbox.clear();
			this.onTerminated.accept(this);
			// Closing waits for the write in progress, so keep it off the caller's
			// thread.
			try {
				this.executor.execute(() -> closeQuietly(CloseStatus.SESSION_NOT_RELIABLE));
			}
			catch (RejectedExecutionException ex) {
				closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
			}
		}
	}

	private void closeQuietly(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Failed to close HMR socket " + getId() + ": " + ex);
			}
		}
	}

	static TextMessage textMessage(String json) {
		// Kept as the string: both ways of sending hand the container a string, which a
		// message made from bytes would decode again for every session. Its length in
		// bytes, for the buffer limit, is encoded once and kept.
		return new TextMessage(json);
	}

}

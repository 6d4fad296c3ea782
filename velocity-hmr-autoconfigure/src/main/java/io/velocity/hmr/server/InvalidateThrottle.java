package io.velocity.hmr.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often one client may ask for an invalidation. Each one makes the server plan
 * an update and send it, or a full reload, to every client: unthrottled, one page calling
 * {@code import.meta.hot.invalidate()} in a loop (or a client sending the message in a
 * loop) reloads every open page as often as it likes. A client may ask {@value #BURST}
 * times at once, then {@value #PER_SECOND} times a second; a legitimate page asks once
 * per module an update reaches, and an update reaches few.
 */
final class InvalidateThrottle {

	static final int BURST = 20;

	static final int PER_SECOND = 2;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	InvalidateThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Take one invalidation from a client's allowance.
	 * @param sessionId the client's session
	 * @return whether the client may invalidate now
	 */
	boolean tryAcquire(String sessionId) {
		long now = this.clock.millis();
		return this.buckets.computeIfAbsent(sessionId, (id) -> new Bucket(now)).tryAcquire(now);
	}

	/**
	 * Forget a client that disconnected.
	 * @param sessionId the client's session
	 */
	void remove(String sessionId) {
		this.buckets.remove(sessionId);
	}

	private static final class Bucket {

		private double tokens = BURST;

		private long updatedAt;

		Bucket(long now) {
			this.updatedAt = now;
		}

		synchronized boolean tryAcquire(long now) {
			this.tokens = Math.min(BURST, this.tokens + Math.max(0, now - this.updatedAt) * PER_SECOND / 1000.0);
			this.updatedAt = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens--;
			return true;
		}

	}

}

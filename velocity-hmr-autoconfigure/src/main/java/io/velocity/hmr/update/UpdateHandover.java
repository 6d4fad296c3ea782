package io.velocity.hmr.update;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who finishes an update whose modules compile on a compile thread: that thread, which
 * goes on to plan and send the update once it compiled them (no hand-back to the
 * watcher's thread, which would wait for a core first), or the watcher's thread, which
 * reports the compile timeout if it ran out first. Exactly one of them claims the update;
 * the other leaves it, and the watcher's thread, which holds the pipeline, returns only
 * once the update is finished.
 */
final class UpdateHandover {

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final CountDownLatch finished = new CountDownLatch(1);

	/**
	 * Claim the update.
	 * @return whether the caller finishes it; {@code false} when the other thread does
	 */
	boolean claim() {
		return this.claimed.compareAndSet(false, true);
	}

	/**
	 * Mark the claimed update finished, sent or not.
	 */
	void finished() {
		this.finished.countDown();
	}

	/**
	 * Wait until the other thread finished the update it claimed.
	 */
	void awaitFinished() {
		try {
			this.finished.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

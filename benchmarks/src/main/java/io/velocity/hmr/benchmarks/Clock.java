package io.velocity.hmr.benchmarks;

import java.time.Instant;

import com.microsoft.playwright.Page;

/**
 * Epoch milliseconds with microsecond resolution on this machine, and the offset of a
 * page's clock ({@code performance.timeOrigin + performance.now()}) from it.
 */
final class Clock {

	private static final String PAGE_NOW = "() => performance.timeOrigin + performance.now()";

	private Clock() {
	}

	static double now() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1000.0 + now.getNano() / 1000 / 1000.0;
	}

	/**
	 * Return how far the page's clock is ahead of this machine's: the reading with the
	 * shortest round trip of several, against the middle of that round trip.
	 * @param page the page
	 * @return page time minus machine time, in milliseconds
	 */
	static double offset(Page page) {
		double best = Double.MAX_VALUE;
		double offset = 0;
		for (int i = 0; i < 20; i++) {
			double before = now();
			double pageTime = ((Number) page.evaluate(PAGE_NOW)).doubleValue();
			double after = now();
			if (after - before < best) {
				best = after - before;
				offset = pageTime - (before + after) / 2;
			}
		}
		return offset;
	}

}

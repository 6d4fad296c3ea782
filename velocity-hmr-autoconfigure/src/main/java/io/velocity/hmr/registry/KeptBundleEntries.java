package io.velocity.hmr.registry;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.velocity.hmr.compile.AnalysisCache;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the entries of the pages served bundled, beside the kept analyses and under the
 * same compiler fingerprint, so that a restarted JVM can collect their graphs as soon as
 * it is ready, before the browser asks for them again (the first page after a restart is
 * then not a cold JVM's whole graph in one request).
 */
final class KeptBundleEntries {

	private static final String KIND = "entries";

	private static final String NAME = "/__velocity/bundle";

	private static final String VALIDITY = "1";

	private final @Nullable AnalysisCache cache;

	// In the order first served, which is the order a restarted JVM collects them in.
	private final Set<String> entries = new LinkedHashSet<>();

	KeptBundleEntries(@Nullable AnalysisCache cache) {
		this.cache = cache;
	}

	/**
	 * Return the entries the last run kept, and remember them as this run's.
	 * @return the entries, in the order they were first served
	 */
	List<String> read() {
		if (this.cache == null) {
			return List.of();
		}
		List<String> read = this.cache.readKept(KIND, NAME, VALIDITY)
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isEmpty())
				.toList())
			.orElse(List.of());
		synchronized (this.entries) {
			this.entries.addAll(read);
		}
		return read;
	}

	/**
	 * Keep an entry of a page served bundled (a moment later, on the cache's writer
	 * thread), unless it is kept already.
	 * @param entry the entry's URL
	 */
	void add(String entry) {
		if (this.cache == null) {
			return;
		}
		synchronized (this.entries) {
			if (this.entries.add(entry)) {
				this.cache.keep(KIND, NAME, VALIDITY, String.join("\n", this.entries).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

}

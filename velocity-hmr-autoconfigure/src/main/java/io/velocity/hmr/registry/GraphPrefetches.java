package io.velocity.hmr.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.ModuleVersions;

/**
 * Graphs of bundled entries collected as soon as a page naming them is served, before the
 * browser has received the page and asked for the bundle: right after start-up the page's
 * own request (the servlet's first request, the browser's parse and preloads) and the
 * bundle's collection then overlap, instead of following each other. The bundle's request
 * takes the graph under way, or just made, for the same versions; a graph made longer ago
 * than {@link #FRESH_NANOS} or for other versions is collected again, as without this.
 */
final class GraphPrefetches {

	/**
	 * How long a collected graph waits for its request: a page's bundle is asked for at
	 * once, so anything older was not for this request.
	 */
	static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

	private static final Log logger = LogFactory.getLog(GraphPrefetches.class);

	private final Map<String, Prefetch> prefetches = new ConcurrentHashMap<>();

	/**
	 * Start collecting an entry's graph on a thread of its own, unless that is under way.
	 * @param entry the entry
	 * @param versions the versions it is collected with
	 * @param collect collects it
	 */
	void start(String entry, ModuleVersions versions, Supplier<PageGraph> collect) {
		Prefetch prefetch = new Prefetch(versions);
		Prefetch under = this.prefetches.compute(entry,
				(key, existing) -> (existing != null && !existing.isStale()) ? existing : prefetch);
		if (under != prefetch) {
			return;
		}
		// The request's class loader (DevTools' restart loader) reads the modules, as in
		// the bundle's own request.
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Thread thread = new Thread(() -> prefetch.collect(collect), "velocity-hmr-bundle-prefetch");
		thread.setContextClassLoader(loader);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Take the graph collected for an entry, waiting for it if under way.
	 * @param entry the entry
	 * @param versions the versions the graph must have been collected with
	 * @return the graph, or empty if there is none to use
	 * @throws RuntimeException what collecting it threw (a module that does not compile,
	 * one that cannot be bundled)
	 */
	Optional<PageGraph> take(String entry, ModuleVersions versions) {
		Prefetch prefetch = this.prefetches.remove(entry);
		if (prefetch == null || prefetch.versions() != versions || prefetch.isStale()) {
			return Optional.empty();
		}
		try {
			return Optional.of(prefetch.graph().join());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UnsupportedModuleException
					|| ex.getCause() instanceof CompileProblemException) {
				throw (RuntimeException) ex.getCause();
			}
			// Anything else is collected again by the request, which reports it.
			logger.debug("Collecting a bundle ahead of its request failed", ex.getCause());
			return Optional.empty();
		}
	}

	/**
	 * Forget every graph collected ahead.
	 */
	void clear() {
		this.prefetches.clear();
	}

	private static final class Prefetch {

		private final ModuleVersions versions;

		private final CompletableFuture<PageGraph> graph = new CompletableFuture<>();

		private volatile long doneAt;

		Prefetch(ModuleVersions versions) {
			this.versions = versions;
		}

		ModuleVersions versions() {
			return this.versions;
		}

		CompletableFuture<PageGraph> graph() {
			return this.graph;
		}

		void collect(Supplier<PageGraph> collect) {
			try {
				PageGraph collected = collect.get();
				this.doneAt = System.nanoTime();
				this.graph.complete(collected);
			}
			catch (RuntimeException | Error ex) {
				this.doneAt = System.nanoTime();
				this.graph.completeExceptionally(ex);
			}
		}

		boolean isStale() {
			return this.graph.isDone() && System.nanoTime() - this.doneAt > FRESH_NANOS;
		}

	}

}

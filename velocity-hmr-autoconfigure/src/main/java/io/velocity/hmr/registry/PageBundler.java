package io.velocity.hmr.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleUrls;
import org.jspecify.annotations.Nullable;

/**
 * Collects the static import graph of an entry in registry form: every application module
 * it reaches (compiled, recorded in the module graph as a request for it would be, and
 * written by {@link RegistryWriter}, which is cached per compiled version, and across
 * restarts with a {@link #setAnalysisCache kept analysis cache}), and the modules the
 * browser imports natively (the runtime, packages, client modules).
 */
public class PageBundler {

	private final CompileService compileService;

	private final ModuleUrls urls;

	private final @Nullable ModuleGraph graph;

	private final RegistryWriter writer;

	private static final Pattern VERSIONED = Pattern.compile("[?&]t=\\d");

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private volatile KeptRegistryModules kept = new KeptRegistryModules(null);

	private volatile KeptBundleEntries keptEntries = new KeptBundleEntries(null);

	private volatile KeptPages keptPages;

	private volatile boolean collected;

	private final GraphPrefetches prefetches = new GraphPrefetches();

	private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

	private static final Log logger = LogFactory.getLog(PageBundler.class);

	private final Set<String> readingAnalyses = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new instance.
	 * @param compileService compiles the modules
	 * @param urls the application's module URLs
	 * @param graph the module graph to record served modules in, or {@code null}
	 * @param writer writes modules in registry form
	 */
	public PageBundler(CompileService compileService, ModuleUrls urls, @Nullable ModuleGraph graph,
			RegistryWriter writer) {
		this.compileService = compileService;
		this.urls = urls;
		this.graph = graph;
		this.writer = writer;
		this.keptPages = new KeptPages(compileService, urls, graph, new KeptPageBundles(null));
	}

	/**
	 * Collect the graph of an entry.
	 * @param entry the URL of the entry, perhaps versioned
	 * @return the graph
	 * @throws UnsupportedModuleException if a module cannot be written in registry form
	 * @throws io.velocity.hmr.compile.CompileProblemException if a module does not
	 * compile
	 */
	public PageGraph collect(String entry) {
		return collect(entry, false);
	}

	/**
	 * Collect the graph of an entry.
	 * @param entry the URL of the entry, perhaps versioned
	 * @param skipBroken whether to leave out an imported module that does not compile
	 * rather than fail: a page that asks for the new version of a module (a hot update)
	 * has most of its imports already, and one of them may be broken right now, as in
	 * development without bundling, where the browser would not ask for it again
	 * @return the graph, dependencies before their importers where there is no cycle
	 * @throws UnsupportedModuleException if a module cannot be written in registry form
	 * @throws CompileProblemException if a module does not compile
	 */
	public PageGraph collect(String entry, boolean skipBroken) {
		if (!isBundled(entry)) {
			throw new UnsupportedModuleException("an entry that is not an application script: " + entry);
		}
		ModuleVersions versions = versions();
		if (!skipBroken) {
			if (!VERSIONED.matcher(entry).find()) {
				this.keptEntries.add(entry);
			}
			Optional<PageGraph> prefetched = this.prefetches.take(entry, versions);
			if (prefetched.isPresent()) {
				return prefetched.get();
			}
		}
		return collect(entry, versions, skipBroken);
	}

	/**
	 * Start collecting the graph of a page's entry in the background, as the page that
	 * names it is served: the request for its bundle, which follows, then takes what was
	 * collected meanwhile (or waits for the rest) rather than starting from nothing.
	 * @param entry the URL of the entry
	 */
	public void prefetch(String entry) {
		if (isBundled(entry)) {
			ModuleVersions versions = versions();
			this.prefetches.start(entry, versions, () -> collect(entry, versions, false));
		}
	}

	/**
	 * Start collecting, in the background, the graphs of the entries that pages were
	 * served bundled with in the last run (kept with the {@link #setAnalysisCache
	 * analyses}): after a restart the page is usually opened again at once, and its
	 * bundle request then takes the graph collected meanwhile, or a warm JVM's caches.
	 */
	public void prefetchKeptEntries() {
		for (String entry : this.keptEntries.read()) {
			prefetch(entry);
		}
	}

	private ModuleVersions versions() {
		return (this.graph != null) ? this.graph.versions() : ModuleVersions.NONE;
	}

	private PageGraph collect(String entry, ModuleVersions versions, boolean skipBroken) {
		this.collected = true;
		boolean keepable = !skipBroken && !VERSIONED.matcher(entry).find();
		if (keepable) {
			Optional<PageGraph> kept = this.keptPages.current(entry, versions);
			if (kept.isPresent()) {
				readAnalysesWhenQuiet(entry);
				return kept.get();
			}
		}
		PageGraph graph = collectModules(entry, versions, skipBroken);
		if (keepable) {
			this.keptPages.keep(graph, versions);
		}
		return graph;
	}

	/**
	 * Collect an entry's graph once the server is quiet, after a page was served from
	 * what an earlier run kept, which reads no analysis: the page's next bundle after an
	 * edit (with version stamps, so not from what was kept), and the edit's own compiles,
	 * then find the analyses read, as in a server that collected the page itself.
	 */
	private void readAnalysesWhenQuiet(String entry) {
		if (!this.readingAnalyses.add(entry)) {
			return;
		}
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Thread thread = new Thread(() -> {
			try {
				while (this.compileService.nanosSinceLastAsked() < QUIET_NANOS) {
					Thread.sleep(QUIET_NANOS / 4_000_000);
				}
				collectModules(entry, versions(), true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.debug("Velocity HMR could not read the analyses of " + entry + " ahead", ex);
			}
		}, "velocity-hmr-bundle-analyses");
		thread.setContextClassLoader(loader);
		thread.setDaemon(true);
		thread.start();
	}

	private PageGraph collectModules(String entry, ModuleVersions versions, boolean skipBroken) {
		Map<String, BundledModule> modules = new LinkedHashMap<>();
		Set<String> natives = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>(List.of(entry));
		List<String> level = List.of(entry);
		while (!level.isEmpty()) {
			// A level at a time, its modules compiled in parallel: a first page right
			// after start-up compiles its whole graph in this one request.
			// The common pool's threads carry the system class loader: a module read from
			// the classpath must be read through the request's (DevTools' restart
			// loader).
			ClassLoader requestLoader = Thread.currentThread().getContextClassLoader();
			List<Optional<BundledModule>> written = level.parallelStream()
				.map((key) -> withContextLoader(requestLoader, () -> written(key, entry, versions, skipBroken)))
				.toList();
			List<String> next = new ArrayList<>();
			for (int i = 0; i < level.size(); i++) {
				if (written.get(i).isEmpty()) {
					continue;
				}
				BundledModule module = written.get(i).get();
				modules.put(level.get(i), module);
				for (String imported : module.registry().imports()) {
					if (!isBundled(imported)) {
						natives.add(imported);
					}
					else if (seen.add(imported)) {
						next.add(imported);
					}
				}
			}
			level = next;
		}
		return new PageGraph(entry, reversed(modules.values()), List.copyOf(natives));
	}

	private static <T> T withContextLoader(ClassLoader loader, Supplier<T> task) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return task.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private Optional<BundledModule> written(String key, String entry, ModuleVersions versions, boolean skipBroken) {
		try {
			return Optional.of(module(key, versions));
		}
		catch (CompileProblemException ex) {
			if (!skipBroken || key.equals(entry)) {
				throw ex;
			}
			return Optional.empty();
		}
	}

	private BundledModule module(String key, ModuleVersions versions) {
		String path = this.urls.toPath(ModuleVersions.withoutQuery(key)).orElseThrow();
		Optional<CompiledModule> compiled = this.compileService.compile(path, versions);
		if (compiled.isEmpty()) {
			throw new UnsupportedModuleException("a module that does not exist: " + key);
		}
		if (compiled.get().hot().topLevelAwait()) {
			throw new UnsupportedModuleException("top-level await in " + key);
		}
		if (this.graph != null) {
			this.graph.record(compiled.get().module(), this.urls.prefix());
		}
		String hash = compiled.get().hash();
		Cached cached = this.cache.get(key);
		if (cached == null || !cached.hash().equals(hash)) {
			String code = compiled.get().code();
			cached = new Cached(hash, BundledModule.compiled(registryForm(key, hash, compiled.get()), code));
			this.cache.put(key, cached);
		}
		// What a page kept across restarts records of the module, unless its file
		// changed since it was analysed.
		@Nullable KeptModuleFacts facts = this.compileService.sourceHash(compiled.get().module())
			.map((sourceHash) -> KeptModuleFacts.of(compiled.get().module(), sourceHash))
			.orElse(null);
		return cached.module().withFacts(facts);
	}

	private RegistryModule registryForm(String key, String hash, CompiledModule code) {
		if (VERSIONED.matcher(key).find()) {
			// A hot update's version: a restarted JVM starts with none, so it is not
			// kept (a file per edit would only pile up).
			return this.writer.write(key, code);
		}
		KeptRegistryModules kept = this.kept;
		Optional<RegistryModule> read = kept.read(key, hash);
		if (read.isPresent()) {
			return read.get();
		}
		RegistryModule written = this.writer.write(key, code);
		kept.keep(hash, written);
		return written;
	}

	/**
	 * Keep the registry form of modules across restarts beside the analyses the compiler
	 * keeps, or nowhere: a restarted JVM then writes its first bundled page without
	 * parsing any module again.
	 * @param analysisCache the compiler's cache, or {@code null}
	 */
	public void setAnalysisCache(@Nullable AnalysisCache analysisCache) {
		this.kept = new KeptRegistryModules(analysisCache);
		this.keptEntries = new KeptBundleEntries(analysisCache);
		this.keptPages = new KeptPages(this.compileService, this.urls, this.graph, new KeptPageBundles(analysisCache));
	}

	/**
	 * Whether the bundle holds a module rather than importing it natively: application
	 * scripts and the style sheets they import, at most with a version stamp.
	 */
	private boolean isBundled(String url) {
		Optional<String> path = this.urls.toPath(ModuleVersions.withoutQuery(url));
		if (path.isEmpty()) {
			return false;
		}
		String query = (url.indexOf('?') >= 0) ? url.substring(url.indexOf('?') + 1) : "";
		String rest = query.replaceAll("(^|&)t=\\d+", "");
		ModuleKind kind = ModuleKind.of(path.get());
		if (kind == ModuleKind.SCRIPT) {
			return rest.isEmpty();
		}
		return kind == ModuleKind.STYLE_SHEET && rest.replaceFirst("^&", "").equals(ModuleCompiler.STYLE_IMPORT_QUERY);
	}

	private static List<BundledModule> reversed(Collection<BundledModule> modules) {
		List<BundledModule> list = new ArrayList<>(modules);
		Collections.reverse(list);
		return List.copyOf(list);
	}

	/**
	 * Whether a graph was collected since start-up: a page was served bundled.
	 * @return whether one was
	 */
	public boolean hasCollected() {
		return this.collected;
	}

	/**
	 * Forget every module written, as after a change of compiler settings.
	 */
	public void clear() {
		this.cache.clear();
		this.prefetches.clear();
	}

	private record Cached(String hash, BundledModule module) {
	}

}

package io.velocity.hmr.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.registry.KeptPageBundles.KeptModule;
import io.velocity.hmr.registry.KeptPageBundles.KeptPage;
import io.velocity.hmr.source.ModuleUrls;

/**
 * Serves a page's graph from what an earlier run kept ({@link KeptPageBundles}) when it
 * is still what a collection would write, and keeps each graph collected without version
 * stamps. Current means: the same settings, every module's source of the same hash and
 * every specifier resolving to the same URL (created, deleted or renamed files, other
 * packages or aliases make it stale, as they do a kept analysis), and no version stamp on
 * any URL its code names. The modules are then recorded in the module graph from what was
 * kept, as a collection records them from their analyses; each module's source map is
 * written from its analysis only when the bundle's map is asked for.
 */
final class KeptPages {

	private static final Log logger = LogFactory.getLog(KeptPages.class);

	private final CompileService compileService;

	private final ModuleUrls urls;

	private final @Nullable ModuleGraph graph;

	private final KeptPageBundles bundles;

	/**
	 * The pages found current in this run, with the resolution generation they were
	 * checked at: asked for again, each is read from here and its specifiers are not
	 * resolved again unless a module was created or deleted since.
	 */
	private final Map<String, Checked> checked = new ConcurrentHashMap<>();

	KeptPages(CompileService compileService, ModuleUrls urls, @Nullable ModuleGraph graph, KeptPageBundles bundles) {
		this.compileService = compileService;
		this.urls = urls;
		this.graph = graph;
		this.bundles = bundles;
	}

	/**
	 * Return the kept graph of an entry if it is current, its modules recorded in the
	 * module graph.
	 * @param entry the entry, without a version stamp
	 * @param versions the versions the graph is asked for with
	 * @return the graph, or empty
	 */
	Optional<PageGraph> current(String entry, ModuleVersions versions) {
		long start = System.nanoTime();
		long generation = this.compileService.resolutionGeneration();
		Checked before = this.checked.get(entry);
		boolean resolve = before == null || before.generation() != generation;
		Optional<KeptPage> read = resolve ? this.bundles.read(entry) : Optional.of(before.page());
		if (read.isEmpty()) {
			return Optional.empty();
		}
		KeptPage page = read.get();
		long readAt = System.nanoTime();
		Optional<String> stale = staleness(page, versions, resolve);
		long checkedAt = System.nanoTime();
		if (stale.isPresent()) {
			if (logger.isDebugEnabled()) {
				logger
					.debug("Velocity HMR collects " + entry + " again rather than from what was kept: " + stale.get());
			}
			this.checked.remove(entry);
			return Optional.empty();
		}
		this.checked.put(entry, new Checked(page, generation));
		List<BundledModule> modules = new ArrayList<>(page.modules().size());
		for (KeptModule module : page.modules()) {
			KeptModuleFacts facts = module.facts();
			if (this.graph != null) {
				this.graph.record(module.registry().key(), facts.importUrls(), facts.bindsFrom(), facts.acceptance(),
						this.urls.prefix());
			}
			modules.add(new BundledModule(module.registry(), () -> sourceMap(module), facts));
		}
		if (logger.isDebugEnabled()) {
			logger
				.debug("Velocity HMR serves " + entry + " from what was kept (" + modules.size() + " modules): read in "
						+ (readAt - start) / 1_000_000 + " ms, checked in " + (checkedAt - readAt) / 1_000_000
						+ " ms, recorded in " + (System.nanoTime() - checkedAt) / 1_000_000 + " ms");
		}
		return Optional.of(new PageGraph(entry, modules, page.natives()));
	}

	/**
	 * Why a kept page is not what a collection would write now, if it is not.
	 */
	private Optional<String> staleness(KeptPage page, ModuleVersions versions, boolean resolve) {
		if (!page.settings().equals(this.compileService.outputFingerprint())) {
			return Optional.of("other settings");
		}
		// Every file read and hashed, every specifier resolved: on both cores.
		return page.modules()
			.parallelStream()
			.map((module) -> staleness(module, versions, resolve))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private Optional<String> staleness(KeptModule module, ModuleVersions versions, boolean resolve) {
		KeptModuleFacts facts = module.facts();
		String key = module.registry().key();
		if (!facts.isUnstamped(versions)
				|| this.urls.toPath(ModuleVersions.withoutQuery(key)).filter(facts.path()::equals).isEmpty()) {
			return Optional.of(key + " has a version or another path");
		}
		Optional<byte[]> hash = this.compileService.currentSourceHash(facts.path());
		if (hash.isEmpty() || !module.sameSource(hash.get())) {
			return Optional.of(facts.path() + " changed");
		}
		if (resolve && !this.compileService.resolvesAsBefore(facts.path(), facts.resolved())) {
			return Optional.of("an import of " + facts.path() + " resolves otherwise");
		}
		return Optional.empty();
	}

	/**
	 * The source map of a module served from what was kept: written from its analysis
	 * when the bundle's map is asked for, if its source is still the one kept.
	 */
	private @Nullable String sourceMap(KeptModule module) {
		try {
			Optional<CompiledModule> compiled = this.compileService.compile(module.facts().path());
			if (compiled.isEmpty()
					|| this.compileService.sourceHash(compiled.get().module()).filter(module::sameSource).isEmpty()) {
				return null;
			}
			return RegistryWriter.sourceMap(compiled.get().code());
		}
		catch (CompileProblemException ex) {
			return null;
		}
	}

	/**
	 * Keep a graph just collected, if every module's facts are known and its code names
	 * no version stamp.
	 * @param graph the graph, its entry without a version stamp
	 * @param versions the versions it was collected with
	 */
	void keep(PageGraph graph, ModuleVersions versions) {
		List<KeptModule> modules = new ArrayList<>(graph.modules().size());
		for (BundledModule module : graph.modules()) {
			KeptModuleFacts facts = module.facts();
			if (facts == null || !facts.isUnstamped(versions)) {
				return;
			}
			modules.add(new KeptModule(module.registry(), facts));
		}
		this.checked.remove(graph.entry());
		this.bundles
			.keep(new KeptPage(graph.entry(), this.compileService.outputFingerprint(), graph.natives(), modules));
	}

	private record Checked(KeptPage page, long generation) {

	}

}

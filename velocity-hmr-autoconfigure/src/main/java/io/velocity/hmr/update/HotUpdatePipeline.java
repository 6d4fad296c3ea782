package io.velocity.hmr.update;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.CompileProblem;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileProblemListener;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.graph.UpdatePlan;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.server.HmrClientEvents;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;

/**
 * The hub of hot module replacement: turns a set of changed files into what connected
 * browsers must do. The changed modules are analysed (transpiled) once and recorded in
 * the {@link ModuleGraph}, which plans the update and the versions the browser must
 * import; then the code of every module the update carries is written once, with those
 * versions. The outcome is broadcast as an update, a full reload or the compile problem.
 * Changed style sheets are added to the update for pages that link them, which fetch the
 * sheet themselves; a sheet that modules import is also a module, updated like the
 * others. Called on the watcher's delivery thread, one change set at a time; the changed
 * modules are compiled, and their update sent, on a compile thread.
 */
public final class HotUpdatePipeline implements Consumer<ChangeSet>, HmrClientEvents, CompileProblemListener {

	private static final Log logger = LogFactory.getLog(HotUpdatePipeline.class);

	private final ChangeClassifier classifier;

	private final CompileService compileService;

	private final ModuleGraph graph;

	private final ModuleUrls urls;

	private final Consumer<HmrMessage> broadcaster;

	private final boolean timings;

	private final UpdateMessageWriter messages;

	private volatile HmrMessage.@Nullable CompileError problem;

	/**
	 * Create a new pipeline.
	 * @param sources where modules are read from
	 * @param urls the module URL mapping
	 * @param compileService compiles modules
	 * @param graph the module graph
	 * @param broadcaster sends a message to every connected client
	 * @param timings whether updates carry the time each stage took
	 */
	public HotUpdatePipeline(ModuleSources sources, ModuleUrls urls, CompileService compileService, ModuleGraph graph,
			Consumer<HmrMessage> broadcaster, boolean timings) {
		this(sources, urls, compileService, graph, broadcaster, timings, null);
	}

	/**
	 * Create a new pipeline whose updates also carry the modules in the registry form of
	 * bundled pages.
	 * @param sources where modules are read from
	 * @param urls the module URL mapping
	 * @param compileService compiles modules
	 * @param graph the module graph
	 * @param broadcaster sends a message to every connected client
	 * @param timings whether updates carry the time each stage took
	 * @param registryForms writes the registry form, or {@code null} when no page is
	 * bundled
	 */
	public HotUpdatePipeline(ModuleSources sources, ModuleUrls urls, CompileService compileService, ModuleGraph graph,
			Consumer<HmrMessage> broadcaster, boolean timings, @Nullable RegistryForms registryForms) {
		this.messages = new UpdateMessageWriter(compileService, urls, registryForms);
		this.classifier = new ChangeClassifier(sources, urls, graph);
		this.compileService = compileService;
		this.graph = graph;
		this.urls = urls;
		this.broadcaster = broadcaster;
		this.timings = timings;
	}

	/**
	 * A client that connects while a module does not compile is shown the problem.
	 */
	@Override
	public List<HmrMessage> greeting() {
		HmrMessage.CompileError current = this.problem;
		return (current != null) ? List.of(current) : List.of();
	}

	/**
	 * A page asked for a module that does not compile: the problem stands until a change
	 * fixes it, and the pages show it, including those that fail to load because of it.
	 */
	@Override
	public synchronized void compileFailed(CompileProblem problem) {
		HmrMessage.CompileError error = HmrMessage.CompileError.of(problem);
		if (!error.equals(this.problem)) {
			this.problem = error;
			this.broadcaster.accept(error);
		}
	}

	/**
	 * A module could not apply its own update: propagate it from its importers, as if
	 * they had changed.
	 */
	@Override
	public synchronized void invalidate(String url, @Nullable String message) {
		String moduleUrl = ModuleVersions.withoutQuery(url);
		logger.info("Velocity HMR invalidate " + moduleUrl + ((message != null) ? ": " + message : ""));
		Set<String> importers = this.graph.importers(moduleUrl);
		if (importers.isEmpty()) {
			this.broadcaster.accept(new HmrMessage.FullReload(moduleUrl + " was invalidated and nothing imports it"
					+ ((message != null) ? " (" + message + ")" : ""), moduleUrl));
			return;
		}
		UpdateStages stages = UpdateStages.start(this.timings, System.nanoTime());
		long timestamp = System.currentTimeMillis();
		HmrMessage response = this.messages.write(this.graph.plan(importers, timestamp), Map.of(), false, List.of(),
				timestamp, stages);
		if (response != null) {
			this.broadcaster.accept(response);
		}
	}

	@Override
	public synchronized void accept(ChangeSet changeSet) {
		UpdateStages stages = UpdateStages.start(this.timings, changeSet.detectedNanos());
		ChangeClassifier.Changes changes = this.classifier.classify(changeSet, this.problem);
		if (changes.structural()) {
			// A new or deleted file can change how imports elsewhere resolve.
			this.compileService.clear();
		}
		for (String deleted : changes.deleted()) {
			this.graph.remove(deleted);
			this.urls.toPath(deleted).ifPresent(this.compileService::deleted);
		}
		long timestamp = System.currentTimeMillis();
		if (changes.modules().isEmpty()) {
			send(changes, null, timestamp, stages);
			return;
		}
		stages.skip();
		// The compile thread that compiles the modules also sends the update: handing
		// back to this thread would wait for a core first, which takes milliseconds
		// while the JIT compiles on both cores of a small machine.
		UpdateHandover handover = new UpdateHandover();
		try {
			this.compileService.onCompileThread(this.urls.toPath(changes.modules().iterator().next()).orElseThrow(),
					() -> {
						Recompiled recompiled = recompile(changes.modules(), changes.unreported());
						if (handover.claim()) {
							try {
								finish(changes, recompiled, timestamp, stages);
							}
							finally {
								handover.finished();
							}
						}
						return null;
					});
		}
		catch (CompileProblemException ex) {
			// The compile timeout: the update is given up unless the compile thread
			// claimed it already, then it is finished there first.
			if (handover.claim()) {
				finish(changes, new Recompiled.Failed(ex.getProblem()), timestamp, stages);
			}
			else {
				handover.awaitFinished();
			}
		}
		catch (RuntimeException ex) {
			// Interrupted, say: never leave an update that another thread still sends.
			if (!handover.claim()) {
				handover.awaitFinished();
			}
			throw ex;
		}
	}

	private void finish(ChangeClassifier.Changes changes, Recompiled recompiled, long timestamp, UpdateStages stages) {
		if (recompiled instanceof Recompiled.Failed failed) {
			logger.warn("Velocity HMR could not compile " + failed.problem());
			this.problem = HmrMessage.CompileError.of(failed.problem());
			this.broadcaster.accept(this.problem);
			return;
		}
		send(changes, (Recompiled.Compiled) recompiled, timestamp, stages);
	}

	private void send(ChangeClassifier.Changes changes, Recompiled.@Nullable Compiled compiled, long timestamp,
			UpdateStages stages) {
		UpdatePlan plan = new UpdatePlan.None();
		Map<String, AnalyzedModule> analysed = Map.of();
		Set<String> pruned = Set.of();
		boolean recovered = false;
		if (compiled != null) {
			analysed = compiled.modules();
			pruned = compiled.pruned();
			stages.ended("compile");
			Set<String> changed = new LinkedHashSet<>(changes.modules());
			changed.removeAll(compiled.midSave());
			changed.removeAll(compiled.delivered());
			plan = this.graph.plan(changed, timestamp);
			stages.ended("graph");
			HmrMessage.CompileError standing = this.problem;
			// A problem whose module was left out stands until that module is read.
			if (standing == null || !compiled.midSave().contains(this.urls.toUrl(standing.file()))) {
				recovered = standing != null;
				this.problem = null;
			}
		}
		List<ModuleUpdate> styleSheets = changes.styleSheets()
			.stream()
			.map((url) -> new ModuleUpdate(ModuleUpdate.Type.CSS, url, url, timestamp, null))
			.toList();
		HmrMessage message = this.messages.write(plan, analysed, recovered, styleSheets, timestamp, stages);
		if (message == null) {
			return;
		}
		this.broadcaster.accept(message);
		if (logger.isDebugEnabled()) {
			logger.debug("Velocity HMR " + describe(message) + " for " + changes.modules() + " " + changes.styleSheets()
					+ " " + stages);
		}
		if (!pruned.isEmpty() && message instanceof HmrMessage.Update) {
			// After the update, so that the importers no longer use what is pruned.
			this.broadcaster.accept(new HmrMessage.Prune(List.copyOf(pruned)));
		}
		HmrMessage.CompileError standing = this.problem;
		if (standing != null && message instanceof HmrMessage.Update) {
			// Clients take an update as "all is well again": the problem still stands.
			this.broadcaster.accept(standing);
		}
	}

	/**
	 * Analyse the changed modules and, only if all of them compile and every name they
	 * and their importers import is still exported, record their new imports in the
	 * graph.
	 * <p>
	 * A module compiled only because of another file's change (it imports a deleted
	 * module, or its problem stands) may be read while its editor saves it: truncated, so
	 * empty. It is left out: recorded, it would import nothing and export no component,
	 * so it could not accept its update and the page would reload. Its own change, which
	 * the watcher reports once it is written (an emptied file is held back), updates it.
	 * An empty module cannot import the deleted one, so nothing is missed.
	 */
	private Recompiled recompile(Set<String> moduleUrls, Set<String> unreported) {
		Map<String, AnalyzedModule> modules = new LinkedHashMap<>();
		Set<String> midSave = new LinkedHashSet<>();
		Set<String> delivered = new LinkedHashSet<>();
		try {
			// On one compile thread (the update's own): each compile step would
			// otherwise hand over to one.
			this.compileService.onCompileThread(this.urls.toPath(moduleUrls.iterator().next()).orElseThrow(), () -> {
				boolean importersLinkAsBefore = this.problem == null;
				for (String url : moduleUrls) {
					String path = this.urls.toPath(url).orElseThrow();
					Optional<AnalyzedModule> before = this.compileService.cached(path);
					this.compileService.evict(path);
					Optional<AnalyzedModule> module = this.compileService.analyze(path);
					if (module.isPresent() && module.get().isEmpty() && unreported.contains(url)) {
						logger.debug("Velocity HMR left out " + url + ", read empty while it is being saved");
						midSave.add(url);
					}
					else {
						module.ifPresent((analysed) -> modules.put(url, analysed));
					}
					importersLinkAsBefore &= module.isPresent() && before.isPresent()
							&& module.get().linksAsBefore(before.get());
					// Reported for a module the browsers have as it is: a file created
					// just before a page loaded it, a save that restored what they have.
					if (module.isPresent() && !unreported.contains(url)
							&& this.compileService.isDeliveredAsIs(module.get())) {
						logger.debug("Velocity HMR left out " + url + ", which the browsers have as it is");
						delivered.add(url);
					}
				}
				for (AnalyzedModule module : modules.values()) {
					this.compileService.checkLinks(module);
				}
				// With no problem standing, the importers' names were found in the
				// analyses these replace: if they export the same, the importers (whose
				// sources did not change) need not be read, hashed and checked again on
				// every edit, which takes a while when the JIT is still cold.
				if (importersLinkAsBefore) {
					return null;
				}
				for (String url : importersOf(modules.keySet())) {
					this.urls.toPath(url)
						.flatMap(this.compileService::analyze)
						.ifPresent(this.compileService::checkLinks);
				}
				return null;
			});
		}
		catch (CompileProblemException ex) {
			return new Recompiled.Failed(ex.getProblem());
		}
		Set<String> pruned = new LinkedHashSet<>();
		modules.values().forEach((module) -> pruned.addAll(this.graph.record(module, this.urls.prefix())));
		return new Recompiled.Compiled(modules, pruned, midSave, delivered);
	}

	private Set<String> importersOf(Set<String> moduleUrls) {
		Set<String> importers = new LinkedHashSet<>();
		moduleUrls.forEach((url) -> importers.addAll(this.graph.importers(url)));
		importers.removeAll(moduleUrls);
		return importers;
	}

	private static String describe(HmrMessage message) {
		if (message instanceof HmrMessage.Update update) {
			Set<String> boundaries = new LinkedHashSet<>();
			update.updates().forEach((moduleUpdate) -> boundaries.add(moduleUpdate.path()));
			return "hot update of " + boundaries;
		}
		return message.getClass().getSimpleName();
	}

}

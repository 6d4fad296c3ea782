package io.velocity.hmr.server;

import java.time.Instant;
import java.util.ArrayList;
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

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.graph.UpdatePlan;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.protocol.InlineModule;
import io.velocity.hmr.protocol.ModuleUpdate;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;

/**
 * Turns a set of changed files into what connected browsers must do: compiles the changed
 * modules, asks the {@link ModuleGraph} for their boundaries and broadcasts an update, a
 * full reload or the compile problem. Changed style sheets are added to the update for
 * pages that link them, which fetch the sheet themselves; a sheet that modules import is
 * also a module, updated like the others. Runs on the watcher's delivery thread, one
 * change set at a time.
 */
public final class HotUpdatePipeline implements Consumer<ChangeSet>, HmrClientEvents {

	private static final Log logger = LogFactory.getLog(HotUpdatePipeline.class);

	private final ChangeClassifier classifier;

	private final CompileService compileService;

	private final ModuleGraph graph;

	private final ModuleUrls urls;

	private final Consumer<HmrMessage> broadcaster;

	private volatile HmrMessage.@Nullable CompileError problem;

	/**
	 * Create a new pipeline.
	 * @param classifier sorts changed files
	 * @param compileService compiles modules
	 * @param graph the module graph
	 * @param urls the module URL mapping
	 * @param broadcaster sends a message to every connected client, such as
	 * {@link HmrBroadcaster#broadcast(HmrMessage)}
	 */
	public HotUpdatePipeline(ChangeClassifier classifier, CompileService compileService, ModuleGraph graph,
			ModuleUrls urls, Consumer<HmrMessage> broadcaster) {
		this.classifier = classifier;
		this.compileService = compileService;
		this.graph = graph;
		this.urls = urls;
		this.broadcaster = broadcaster;
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
	 * A module could not apply its own update: propagate it from its importers, as if
	 * they had changed.
	 */
	@Override
	public synchronized void invalidate(String url, @Nullable String message) {
		String moduleUrl = ModuleGraph.withoutQuery(url);
		logger.info("Velocity HMR invalidate " + moduleUrl + ((message != null) ? ": " + message : ""));
		Set<String> importers = this.graph.importers(moduleUrl);
		if (importers.isEmpty()) {
			this.broadcaster.accept(new HmrMessage.FullReload(moduleUrl + " was invalidated and nothing imports it"
					+ ((message != null) ? " (" + message + ")" : ""), moduleUrl));
			return;
		}
		long started = System.nanoTime();
		Map<String, Double> stages = new LinkedHashMap<>();
		long timestamp = System.currentTimeMillis();
		HmrMessage response = message(this.graph.plan(importers, timestamp), false, List.of(), timestamp, stages,
				started);
		if (response != null) {
			this.broadcaster.accept(response);
		}
	}

	@Override
	public synchronized void accept(ChangeSet changeSet) {
		long started = System.nanoTime();
		Map<String, Double> stages = new LinkedHashMap<>();
		// Epoch time of the first file event, finer than the watcher's millisecond clock,
		// so that a benchmark can subtract the time it wrote the file.
		stages.put("detectedAt", epochMillis() - millis(changeSet.detectedNanos(), started));
		stages.put("quiet", millis(changeSet.detectedNanos(), started));
		ChangeClassifier.Changes changes = this.classifier.classify(changeSet, this.problem);
		if (changes.structural()) {
			// A new or deleted file can change how imports elsewhere resolve.
			this.compileService.clear();
		}
		changes.deleted().forEach(this.graph::remove);
		long timestamp = System.currentTimeMillis();
		UpdatePlan plan = new UpdatePlan.None();
		boolean recovered = false;
		Set<String> pruned = Set.of();
		if (!changes.modules().isEmpty()) {
			long compileStart = System.nanoTime();
			pruned = compile(changes.modules());
			if (pruned == null) {
				return;
			}
			long planStart = System.nanoTime();
			stages.put("compile", millis(compileStart, planStart));
			plan = this.graph.plan(changes.modules(), timestamp);
			stages.put("graph", millis(planStart, System.nanoTime()));
			recovered = this.problem != null;
			this.problem = null;
		}
		List<ModuleUpdate> styleSheets = changes.styleSheets()
			.stream()
			.map((url) -> new ModuleUpdate(ModuleUpdate.Type.CSS, url, url, timestamp, null))
			.toList();
		HmrMessage message = message(plan, recovered, styleSheets, timestamp, stages, started);
		if (message != null) {
			this.broadcaster.accept(message);
			if (logger.isDebugEnabled()) {
				logger.debug("Velocity HMR " + describe(message) + " for " + changes.modules() + " "
						+ changes.styleSheets() + " " + stages);
			}
			if (!pruned.isEmpty() && message instanceof HmrMessage.Update) {
				// After the update, so that the importers no longer use what is pruned.
				this.broadcaster.accept(new HmrMessage.Prune(List.copyOf(pruned)));
			}
			HmrMessage.CompileError standing = this.problem;
			if (standing != null && message instanceof HmrMessage.Update) {
				// Clients take an update as "all is well again": the problem still
				// stands.
				this.broadcaster.accept(standing);
			}
		}
	}

	/**
	 * Compile the changed modules and record their new imports.
	 * @return the modules that no module imports any more, or {@code null} if one of the
	 * changed modules does not compile
	 */
	private @Nullable Set<String> compile(Set<String> moduleUrls) {
		Set<String> pruned = new LinkedHashSet<>();
		for (String url : moduleUrls) {
			String path = this.urls.toPath(url).orElseThrow();
			this.compileService.evict(path);
			try {
				this.compileService.compile(path)
					.ifPresent((module) -> pruned.addAll(this.graph.record(module, this.urls.prefix())));
			}
			catch (CompileProblemException ex) {
				logger.warn("Velocity HMR could not compile " + ex.getProblem());
				this.problem = HmrMessage.CompileError.of(ex.getProblem());
				this.broadcaster.accept(this.problem);
				return null;
			}
		}
		return pruned;
	}

	private @Nullable HmrMessage message(UpdatePlan plan, boolean recovered, List<ModuleUpdate> styleSheets,
			long timestamp, Map<String, Double> stages, long started) {
		if (plan instanceof UpdatePlan.FullReload reload) {
			logger.info("Velocity HMR full reload: " + reload.reason());
			return new HmrMessage.FullReload(reload.reason(), reload.url());
		}
		List<ModuleUpdate> updates = new ArrayList<>();
		List<InlineModule> modules = new ArrayList<>();
		if (plan instanceof UpdatePlan.Hot hot) {
			for (UpdatePlan.Boundary boundary : hot.updates()) {
				updates.add(moduleUpdate(boundary, hot.timestamp()));
			}
			for (String url : hot.stampedUrls()) {
				compiled(url).ifPresent(
						(module) -> modules.add(new InlineModule(url, module.code(), module.writtenImportUrls())));
			}
		}
		updates.addAll(styleSheets);
		// With no modules, an update still clears the overlay of a problem that was
		// fixed.
		if (updates.isEmpty() && !recovered) {
			return null;
		}
		stages.put("total", millis(started, System.nanoTime()));
		stages.put("sentAt", epochMillis());
		return new HmrMessage.Update(updates, timestamp, stages, modules);
	}

	private ModuleUpdate moduleUpdate(UpdatePlan.Boundary boundary, long timestamp) {
		Optional<CompiledModule> module = compiled(boundary.acceptedUrl());
		List<String> imports = module.map(CompiledModule::writtenImportUrls).orElse(List.of());
		return new ModuleUpdate(ModuleUpdate.Type.JS, boundary.url(), boundary.acceptedUrl(), timestamp,
				module.map(CompiledModule::code).orElse(null), imports);
	}

	/**
	 * The module's code as the browser would fetch it now, stamped imports included.
	 */
	private Optional<CompiledModule> compiled(String url) {
		try {
			return this.urls.toPath(url).flatMap(this.compileService::compile);
		}
		catch (CompileProblemException ex) {
			// Compiled a moment ago; should it fail now, the client fetches it and sees
			// why.
			return Optional.empty();
		}
	}

	private static String describe(HmrMessage message) {
		if (message instanceof HmrMessage.Update update) {
			Set<String> boundaries = new LinkedHashSet<>();
			update.updates().forEach((moduleUpdate) -> boundaries.add(moduleUpdate.path()));
			return "hot update of " + boundaries;
		}
		return message.getClass().getSimpleName();
	}

	/**
	 * The wall-clock time in epoch milliseconds with microsecond resolution, comparable
	 * with a browser's {@code performance.timeOrigin + performance.now()}.
	 */
	private static double epochMillis() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1000.0 + now.getNano() / 1000 / 1000.0;
	}

	private static double millis(long fromNanos, long toNanos) {
		return Math.round((toNanos - fromNanos) / 10_000.0) / 100.0;
	}

}

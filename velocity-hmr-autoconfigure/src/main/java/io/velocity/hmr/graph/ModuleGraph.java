package io.velocity.hmr.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.ModuleVersions;

import org.springframework.util.Assert;

/**
 * The modules the browser has loaded and their imports, keyed by URL, and the rule that
 * turns changed modules into hot updates or a reload (as Vite propagates them): a module
 * that accepts itself, or whose importer accepts it, is a boundary; otherwise the change
 * walks up to the importers; a module that nothing imports is loaded by the page itself,
 * so reaching one means a full reload.
 */
public final class ModuleGraph {

	private final Map<String, ModuleNode> nodes = new HashMap<>();

	/**
	 * Version stamps by module URL: epoch millis of a module's last hot update, or of the
	 * moment it was pruned or deleted. Kept apart from the nodes because a module that
	 * comes back must be imported with a new stamp: the browser still holds its old
	 * instance.
	 */
	private volatile ModuleVersions versions = ModuleVersions.NONE;

	/**
	 * Record what a module imports, replacing what it imported before, and how it accepts
	 * updates.
	 * @param url the module's URL
	 * @param importedUrls the URLs of its static and dynamic imports
	 * @param acceptance how it takes part in hot updates
	 * @return the URLs of the modules it no longer imports that no module imports any
	 * more, which pages can prune
	 */
	public synchronized Set<String> update(String url, Collection<String> importedUrls, HotAcceptance acceptance) {
		Assert.hasText(url, "'url' must not be empty");
		Assert.notNull(acceptance, "'acceptance' must not be null");
		ModuleNode node = this.nodes.computeIfAbsent(url, ModuleNode::new);
		node.acceptance = acceptance;
		Set<ModuleNode> previous = new LinkedHashSet<>(node.imported);
		node.imported.forEach((imported) -> imported.importers.remove(node));
		node.imported.clear();
		for (String importedUrl : importedUrls) {
			ModuleNode imported = this.nodes.computeIfAbsent(importedUrl, ModuleNode::new);
			node.imported.add(imported);
			imported.importers.add(node);
		}
		previous.removeAll(node.imported);
		Set<String> pruned = new LinkedHashSet<>();
		previous.forEach((dropped) -> prune(dropped, pruned));
		return pruned;
	}

	/**
	 * Forget a module that no module imports any more, and so on down its imports: no
	 * page can reach it now, and a later edit to it must not count as an edit of the
	 * page's own module (which would reload the page).
	 */
	private void prune(ModuleNode node, Set<String> pruned) {
		if (!node.importers.isEmpty() || !pruned.add(node.url)) {
			return;
		}
		this.nodes.remove(node.url);
		this.versions = this.versions.with(List.of(node.url), System.currentTimeMillis());
		for (ModuleNode imported : node.imported) {
			imported.importers.remove(node);
			prune(imported, pruned);
		}
		node.imported.clear();
	}

	/**
	 * Record an analysed module: its imports of other modules under the module URL prefix
	 * (the runtime and other fixed assets are not part of the graph) and how it accepts
	 * updates.
	 * @param module the analysed module
	 * @param modulePrefix the URL prefix modules are served under, such as
	 * {@code /frontend}
	 * @return the URLs of the modules no module imports any more since this one changed
	 * @see #update(String, Collection, HotAcceptance)
	 */
	public Set<String> record(AnalyzedModule module, String modulePrefix) {
		List<String> importUrls = new ArrayList<>(module.imports().size());
		module.imports().forEach((moduleImport) -> importUrls.add(moduleImport.url()));
		return record(module.url(), importUrls, module.bindsFrom(), HotAcceptance.of(module), modulePrefix);
	}

	/**
	 * Record a module from what its analysis said, as
	 * {@link #record(AnalyzedModule, String)} does: a page served from what an earlier
	 * run kept has no analyses.
	 * @param url the module's URL
	 * @param importUrls the URLs of its static and dynamic imports, as resolved
	 * @param bindsFrom the URLs of the modules it takes names from
	 * @param acceptance how it takes part in hot updates
	 * @param modulePrefix the URL prefix modules are served under, such as
	 * {@code /frontend}
	 * @return the URLs of the modules no module imports any more since this one changed
	 */
	public Set<String> record(String url, Collection<String> importUrls, Collection<String> bindsFrom,
			HotAcceptance acceptance, String modulePrefix) {
		List<String> imported = new ArrayList<>();
		for (String importUrl : importUrls) {
			String plain = ModuleVersions.withoutQuery(importUrl);
			if (plain.startsWith(modulePrefix + "/")) {
				imported.add(plain);
			}
		}
		Set<String> plainBindsFrom = new HashSet<>();
		bindsFrom.forEach((bound) -> plainBindsFrom.add(ModuleVersions.withoutQuery(bound)));
		synchronized (this) {
			Set<String> pruned = update(url, imported, acceptance);
			this.nodes.get(url).bindsFrom = Set.copyOf(plainBindsFrom);
			return pruned;
		}
	}

	/**
	 * Record which imported modules a module takes names from, as opposed to importing
	 * them only for their effects: when one of those accepts its own updates but exports
	 * values, the module runs again too.
	 * @param url the module's URL
	 * @param importedUrls the URLs of the modules it takes names from
	 */
	public synchronized void bindings(String url, Collection<String> importedUrls) {
		this.nodes.computeIfAbsent(url, ModuleNode::new).bindsFrom = Set.copyOf(importedUrls);
	}

	/**
	 * Forget a module whose file was deleted. Its importers keep their edge to it until
	 * they are recompiled.
	 * @param url the module's URL
	 */
	public synchronized void remove(String url) {
		ModuleNode node = this.nodes.get(url);
		if (node != null) {
			node.imported.forEach((imported) -> imported.importers.remove(node));
			node.imported.clear();
			node.acceptance = HotAcceptance.NONE;
			if (node.importers.isEmpty()) {
				this.nodes.remove(url);
			}
			// Should the file come back, importers must not get the instance pages hold.
			this.versions = this.versions.with(List.of(url), System.currentTimeMillis());
		}
	}

	/**
	 * Whether a page has loaded the module (or a loaded module imports it).
	 * @param url the module's URL
	 * @return whether the module is in the graph
	 */
	public synchronized boolean contains(String url) {
		return this.nodes.containsKey(url);
	}

	/**
	 * The versions importers must request modules with now: a module has a version stamp
	 * once it was hot-updated, so that the browser fetches its new code.
	 * @return the current versions
	 */
	public ModuleVersions versions() {
		return this.versions;
	}

	/**
	 * The URLs of the modules that import the given one.
	 * @param url the module's URL
	 * @return the importers' URLs, empty when none or unknown
	 */
	public synchronized Set<String> importers(String url) {
		return urls(Optional.ofNullable(this.nodes.get(url)).map((node) -> node.importers).orElse(Set.of()));
	}

	/**
	 * Plan the hot update for changed modules, and stamp every module between a change
	 * and its boundary with the timestamp, so the browser fetches them all anew. The plan
	 * names the stamped modules the accepted modules import, so that their code can
	 * travel with the update.
	 * @param changedUrls the URLs of the modules whose code changed
	 * @param timestamp the version stamp of this update, epoch millis
	 * @return what the browser must do
	 */
	public synchronized UpdatePlan plan(Collection<String> changedUrls, long timestamp) {
		Set<UpdatePlan.Boundary> boundaries = new LinkedHashSet<>();
		Set<ModuleNode> affected = new LinkedHashSet<>();
		Set<ModuleNode> walked = new LinkedHashSet<>();
		List<UpdatePlan.DeadEnd> deadEnds = new ArrayList<>();
		for (String url : changedUrls) {
			ModuleNode changed = this.nodes.get(url);
			if (changed == null) {
				continue;
			}
			Propagation propagation = new Propagation(boundaries, affected);
			propagation.from(changed);
			walked.addAll(propagation.visited);
			deadEnds.addAll(propagation.deadEnds);
		}
		if (boundaries.isEmpty()) {
			return deadEnds.isEmpty() ? new UpdatePlan.None() : new UpdatePlan.FullReload(deadEnds);
		}
		this.versions = this.versions.with(urls(affected), timestamp);
		Set<ModuleNode> between = betweenChangesAndAccepted(walked, boundaries);
		return new UpdatePlan.Hot(List.copyOf(boundaries), timestamp, ImportOrder.importedFirst(between), this.versions,
				urls(ImportOrder.inCycles(between)), deadEnds);
	}

	/**
	 * Record that pages load these modules themselves, with module scripts: an update
	 * that reaches one of them and is not accepted there reloads the page, even when
	 * other modules import it too (an import cycle).
	 * @param urls the URLs of the modules, without query
	 */
	public synchronized void markEntries(Collection<String> urls) {
		for (String url : urls) {
			this.nodes.computeIfAbsent(url, ModuleNode::new).entry = true;
		}
	}

	/**
	 * The walked modules other than the accepted ones: those between a change and the
	 * module that accepts it, imported modules first. A boundary that accepts its import
	 * is not among them: it is not evaluated anew.
	 */
	private Set<ModuleNode> betweenChangesAndAccepted(Set<ModuleNode> walked, Set<UpdatePlan.Boundary> boundaries) {
		Set<ModuleNode> between = new LinkedHashSet<>(walked);
		boundaries.forEach((boundary) -> between.remove(this.nodes.get(boundary.acceptedUrl())));
		return between;
	}

	private static Set<String> urls(Collection<ModuleNode> nodes) {
		Set<String> urls = new LinkedHashSet<>();
		nodes.forEach((node) -> urls.add(node.url));
		return urls;
	}

}

package io.velocity.hmr.graph;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One module the browser has loaded, with its edges in both directions. Mutable, and only
 * touched under the {@link ModuleGraph}'s lock.
 */
final class ModuleNode {

	final String url;

	final Set<ModuleNode> importers = new LinkedHashSet<>();

	final Set<ModuleNode> imported = new LinkedHashSet<>();

	/**
	 * The URLs of the imported modules it takes names from, as opposed to importing them
	 * only for their effects.
	 */
	Set<String> bindsFrom = Set.of();

	HotAcceptance acceptance = HotAcceptance.NONE;

	/**
	 * Whether a page loads the module itself, with a module script.
	 */
	boolean entry;

	ModuleNode(String url) {
		this.url = url;
	}

	boolean bindsFrom(ModuleNode dependency) {
		return this.bindsFrom.contains(dependency.url);
	}

	boolean accepts(ModuleNode dependency) {
		return this.acceptance.acceptedDeps().contains(dependency.url) && !this.acceptance.declined();
	}

	@Override
	public String toString() {
		return this.url;
	}

}

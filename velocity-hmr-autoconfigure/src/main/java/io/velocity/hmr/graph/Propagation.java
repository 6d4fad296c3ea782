package io.velocity.hmr.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One walk from a changed module up its importers, as Vite propagates an update: a module
 * that accepts itself, or whose importer accepts it, is a boundary; otherwise the change
 * walks on to its importers, each of which runs again with the new code. Reaching a
 * module that the page loads itself and that does not accept the update means a full
 * reload.
 * <p>
 * Three refinements keep a page from running stale or doubled code:
 * <ul>
 * <li>A module that accepts itself but exports values other than components is a
 * boundary, and the importers that take names from it run again too: they hold its
 * exports, which only running them again re-binds.</li>
 * <li>A page's own module ({@link ModuleNode#entry}) is a dead end even when another
 * module imports it (an import cycle): running it again would run the page again, a
 * second {@code render} say.</li>
 * <li>A module imported only by modules already on the walk (a cycle with nothing outside
 * it) is loaded by the page as well: a dead end, with the cycle named.</li>
 * </ul>
 */
final class Propagation {

	private final Set<UpdatePlan.Boundary> boundaries;

	private final Set<ModuleNode> affected;

	final Set<ModuleNode> visited = new LinkedHashSet<>();

	final List<UpdatePlan.DeadEnd> deadEnds = new ArrayList<>();

	Propagation(Set<UpdatePlan.Boundary> boundaries, Set<ModuleNode> affected) {
		this.boundaries = boundaries;
		this.affected = affected;
	}

	/**
	 * Walk up from the changed module, collecting boundaries, and the modules where a
	 * path ends without one.
	 * @param changed the changed module
	 */
	void from(ModuleNode changed) {
		walk(changed, new ArrayList<>(List.of(changed)));
	}

	private void walk(ModuleNode node, List<ModuleNode> chain) {
		if (!this.visited.add(node)) {
			// Reached again through another path: handled there.
			return;
		}
		this.affected.add(node);
		HotAcceptance acceptance = node.acceptance;
		if (acceptance.declined()) {
			deadEnd(node, node.url + " declines hot updates" + via(chain));
			return;
		}
		boolean selfBoundary = acceptance.isSelfBoundary();
		if (selfBoundary) {
			this.boundaries.add(new UpdatePlan.Boundary(node.url, node.url));
			if (!acceptance.exportsValues()) {
				return;
			}
		}
		else if (node.entry) {
			deadEnd(node, deadEndReason(node, chain));
			return;
		}
		List<ModuleNode> importers = new ArrayList<>(node.importers);
		if (selfBoundary) {
			// Only importers that hold on to its exports need to run again.
			importers.removeIf((importer) -> !importer.bindsFrom(node));
		}
		List<ModuleNode> outside = importers.stream().filter((importer) -> !chain.contains(importer)).toList();
		if (outside.isEmpty()) {
			if (!selfBoundary) {
				deadEnd(node, deadEndReason(node, chain));
			}
			return;
		}
		for (ModuleNode importer : outside) {
			if (importer.accepts(node)) {
				this.affected.add(importer);
				this.boundaries.add(new UpdatePlan.Boundary(importer.url, node.url));
				continue;
			}
			chain.add(importer);
			walk(importer, chain);
			chain.remove(chain.size() - 1);
		}
	}

	private void deadEnd(ModuleNode node, String reason) {
		this.deadEnds.add(new UpdatePlan.DeadEnd(node.url, reason));
	}

	private static String deadEndReason(ModuleNode node, List<ModuleNode> chain) {
		String why = node.acceptance.unsafeSideEffects()
				? " has top-level side effects and no import.meta.hot.dispose(), and" : "";
		return node.url + why + " is loaded by the page and does not accept hot updates" + via(chain)
				+ cycle(node, chain);
	}

	private static String via(List<ModuleNode> chain) {
		if (chain.size() < 2) {
			return "";
		}
		List<String> path = new ArrayList<>();
		chain.forEach((node) -> path.add(node.url));
		return " (update path: " + String.join(" → ", path) + ")";
	}

	/**
	 * Name the import cycle a dead end is in: the importers of the module that are on the
	 * walk already, or, for a page's own module, any module that imports it.
	 */
	private static String cycle(ModuleNode node, List<ModuleNode> chain) {
		for (ModuleNode importer : node.importers) {
			int index = chain.indexOf(importer);
			if (index >= 0) {
				List<String> cycle = new ArrayList<>();
				chain.subList(index, chain.size()).forEach((member) -> cycle.add(member.url));
				cycle.add(importer.url);
				return " (import cycle: " + String.join(" → ", cycle) + ")";
			}
		}
		if (node.entry && !node.importers.isEmpty()) {
			List<String> importers = new ArrayList<>();
			node.importers.forEach((importer) -> importers.add(importer.url));
			return "; other modules import it too (" + String.join(", ", importers)
					+ "), but running it again would run the page again";
		}
		return "";
	}

}

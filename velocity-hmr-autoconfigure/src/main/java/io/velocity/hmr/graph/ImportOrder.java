package io.velocity.hmr.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders modules so that each comes after the modules it imports, as a browser must
 * evaluate them.
 */
final class ImportOrder {

	private ImportOrder() {
	}

	/**
	 * Order modules imported first, considering only the imports among them. Within an
	 * import cycle the order is that of the walk, as no order satisfies a cycle.
	 * @param modules the modules, in the order they were met
	 * @return their URLs, each after those it imports
	 */
	static List<String> importedFirst(Set<ModuleNode> modules) {
		List<String> ordered = new ArrayList<>();
		Set<ModuleNode> placed = new HashSet<>();
		modules.forEach((module) -> place(module, modules, placed, ordered));
		return ordered;
	}

	private static void place(ModuleNode module, Set<ModuleNode> modules, Set<ModuleNode> placed,
			List<String> ordered) {
		if (!modules.contains(module) || !placed.add(module)) {
			// Outside the set, placed already, or met again within a cycle.
			return;
		}
		module.imported.forEach((imported) -> place(imported, modules, placed, ordered));
		ordered.add(module.url);
	}

}

package io.velocity.hmr.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
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

	/**
	 * Return the modules that are in an import cycle with others of the set (or import
	 * themselves), considering only the imports among them: such modules cannot be
	 * evaluated one after the other from inline code, as each needs the other's URL
	 * first.
	 * @param modules the modules
	 * @return those in a cycle, in the order given
	 */
	static Set<ModuleNode> inCycles(Set<ModuleNode> modules) {
		Components components = new Components(modules);
		modules.forEach(components::visit);
		Set<ModuleNode> cyclic = new LinkedHashSet<>();
		modules.stream().filter(components.cyclic::contains).forEach(cyclic::add);
		return cyclic;
	}

	/**
	 * Tarjan's strongly connected components over the imports among a set of modules.
	 */
	private static final class Components {

		private final Set<ModuleNode> modules;

		private final Map<ModuleNode, Integer> index = new HashMap<>();

		private final Map<ModuleNode, Integer> lowLink = new HashMap<>();

		private final List<ModuleNode> stack = new ArrayList<>();

		private final Set<ModuleNode> onStack = new HashSet<>();

		final Set<ModuleNode> cyclic = new HashSet<>();

		Components(Set<ModuleNode> modules) {
			this.modules = modules;
		}

		void visit(ModuleNode module) {
			if (this.index.containsKey(module)) {
				return;
			}
			int number = this.index.size();
			this.index.put(module, number);
			this.lowLink.put(module, number);
			this.stack.add(module);
			this.onStack.add(module);
			for (ModuleNode imported : module.imported) {
				if (!this.modules.contains(imported)) {
					continue;
				}
				if (!this.index.containsKey(imported)) {
					visit(imported);
					this.lowLink.put(module, Math.min(this.lowLink.get(module), this.lowLink.get(imported)));
				}
				else if (this.onStack.contains(imported)) {
					this.lowLink.put(module, Math.min(this.lowLink.get(module), this.index.get(imported)));
				}
			}
			if (this.lowLink.get(module).equals(this.index.get(module))) {
				List<ModuleNode> component = new ArrayList<>();
				ModuleNode member;
				do {
					member = this.stack.remove(this.stack.size() - 1);
					this.onStack.remove(member);
					component.add(member);
				}
				while (member != module);
				if (component.size() > 1 || module.imported.contains(module)) {
					this.cyclic.addAll(component);
				}
			}
		}

	}

}

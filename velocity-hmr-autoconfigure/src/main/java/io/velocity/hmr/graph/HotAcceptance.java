package io.velocity.hmr.graph;

import java.util.HashSet;
import java.util.Set;

import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.HotFeatures;

/**
 * How a module takes part in hot updates, as read from its code.
 *
 * @param selfAccepting whether the module accepts its own updates
 * ({@code import.meta.hot.accept()} or {@code accept(cb)}, or it is a component module)
 * @param acceptedDeps URLs of the imports whose updates it accepts through
 * {@code import.meta.hot.accept(deps, cb)}
 * @param declined whether the module declines hot updates
 * ({@code import.meta.hot.decline()})
 * @param unsafeSideEffects whether the module has top-level side effects and no
 * {@code dispose} to undo them, so running it twice would leak: it cannot be a boundary
 * unless it accepts itself explicitly
 */
public record HotAcceptance(boolean selfAccepting, Set<String> acceptedDeps, boolean declined,
		boolean unsafeSideEffects) {

	/**
	 * A module that does not take part: updates pass through it to its importers.
	 */
	public static final HotAcceptance NONE = new HotAcceptance(false, Set.of(), false, false);

	public HotAcceptance {
		acceptedDeps = Set.copyOf(acceptedDeps);
	}

	/**
	 * Read how a compiled module takes part in hot updates.
	 * @param module the compiled module
	 * @return its acceptance
	 */
	static HotAcceptance of(CompiledModule module) {
		HotFeatures hot = module.hot();
		Set<String> acceptedDeps = new HashSet<>();
		// Nodes are keyed without a query; an accepted style sheet is written as
		// x.css?import.
		hot.acceptedDeps().forEach((dep) -> acceptedDeps.add(ModuleGraph.withoutQuery(dep)));
		return new HotAcceptance(hot.selfAccepting(), acceptedDeps, hot.declines(),
				hot.sideEffects() && !hot.disposes());
	}

	/**
	 * Whether the module can be the boundary of an update to itself.
	 * @return whether it accepts itself and nothing makes that unsafe
	 */
	boolean isSelfBoundary() {
		return this.selfAccepting && !this.declined;
	}

}

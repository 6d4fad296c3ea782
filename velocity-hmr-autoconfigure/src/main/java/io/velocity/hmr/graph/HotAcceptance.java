package io.velocity.hmr.graph;

import java.util.HashSet;
import java.util.Set;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.HotFeatures;
import io.velocity.hmr.compile.ModuleVersions;

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
 * @param exportsValues whether the module exports values other than components, which its
 * importers hold on to: when it accepts itself, its importers still run again, so that
 * none keeps using the previous instance
 */
public record HotAcceptance(boolean selfAccepting, Set<String> acceptedDeps, boolean declined,
		boolean unsafeSideEffects, boolean exportsValues) {

	/**
	 * A module that does not take part: updates pass through it to its importers.
	 */
	public static final HotAcceptance NONE = new HotAcceptance(false, Set.of(), false, false, false);

	public HotAcceptance {
		acceptedDeps = Set.copyOf(acceptedDeps);
	}

	/**
	 * Read how an analysed module takes part in hot updates.
	 * @param module the analysed module
	 * @return its acceptance
	 */
	public static HotAcceptance of(AnalyzedModule module) {
		HotFeatures hot = module.hot();
		Set<String> acceptedDeps = new HashSet<>();
		// Nodes are keyed without a query; an accepted style sheet is written as
		// x.css?import.
		hot.acceptedDeps().forEach((dep) -> acceptedDeps.add(ModuleVersions.withoutQuery(dep)));
		return new HotAcceptance(hot.selfAccepting(), acceptedDeps, hot.declines(),
				hot.sideEffects() && !hot.disposes(), hot.exportsValues());
	}

	/**
	 * A module that accepts its own updates.
	 * @return the acceptance
	 */
	public static HotAcceptance acceptingItself() {
		return new HotAcceptance(true, Set.of(), false, false, false);
	}

	/**
	 * A module that accepts the updates of some of its imports.
	 * @param urls the URLs of the imports it accepts
	 * @return the acceptance
	 */
	public static HotAcceptance acceptingDeps(Set<String> urls) {
		return new HotAcceptance(false, urls, false, false, false);
	}

	/**
	 * Return this acceptance for a module that declines hot updates.
	 * @return the acceptance
	 */
	public HotAcceptance declining() {
		return new HotAcceptance(this.selfAccepting, this.acceptedDeps, true, this.unsafeSideEffects,
				this.exportsValues);
	}

	/**
	 * Return this acceptance for a module with top-level side effects it does not dispose
	 * of.
	 * @return the acceptance
	 */
	public HotAcceptance withUnsafeSideEffects() {
		return new HotAcceptance(this.selfAccepting, this.acceptedDeps, this.declined, true, this.exportsValues);
	}

	/**
	 * Return this acceptance for a module that exports values other than components.
	 * @return the acceptance
	 */
	public HotAcceptance withExportedValues() {
		return new HotAcceptance(this.selfAccepting, this.acceptedDeps, this.declined, this.unsafeSideEffects, true);
	}

	/**
	 * Whether the module can be the boundary of an update to itself.
	 * @return whether it accepts itself and nothing makes that unsafe
	 */
	boolean isSelfBoundary() {
		return this.selfAccepting && !this.declined;
	}

}

package io.velocity.hmr.compile;

import java.util.List;

/**
 * What a compiled module says about hot module replacement, read from its syntax tree.
 *
 * @param usesHot whether the module refers to {@code import.meta.hot}
 * @param selfAccepting whether the module accepts its own updates: it calls
 * {@code import.meta.hot.accept()} without arguments or with a function first, or the
 * compiler made it accept itself because it is a component module that can safely run
 * again (only in hot mode)
 * @param acceptedDeps the URLs of the modules whose updates it accepts through
 * {@code import.meta.hot.accept('./dep', cb)} or {@code accept(['./a', './b'], cb)},
 * resolved like imports, in source order
 * @param declines whether the module calls {@code import.meta.hot.decline()}
 * @param disposes whether the module calls {@code import.meta.hot.dispose(…)}
 * @param components the names of the module's top-level components, in source order; only
 * {@code .tsx} and {@code .jsx} modules have any
 * @param onlyComponentExports whether the module exports something and everything it
 * exports is one of its components, so its importers need not run again when it changes
 * @param sideEffects whether the module does something at the top level that running it
 * again would repeat, as guessed by the rules described on {@link HotSyntax}
 */
public record HotFeatures(boolean usesHot, boolean selfAccepting, List<String> acceptedDeps, boolean declines,
		boolean disposes, List<String> components, boolean onlyComponentExports, boolean sideEffects) {

	/**
	 * A module that does not take part in hot updates.
	 */
	public static final HotFeatures NONE = new HotFeatures(false, false, List.of(), false, false, List.of(), false,
			false);

	public HotFeatures {
		acceptedDeps = List.copyOf(acceptedDeps);
		components = List.copyOf(components);
	}

	/**
	 * Whether the module defines components that the compiler registers for hot swapping.
	 * @return whether {@link #components()} is not empty
	 */
	public boolean isComponentModule() {
		return !this.components.isEmpty();
	}

}

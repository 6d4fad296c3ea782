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
 * @param exportsValues whether the module exports something other than its components:
 * values its importers hold on to, which only running them again re-binds (components are
 * re-bound by the hot swap registry)
 * @param topLevelAwait whether the module awaits at its top level, so that its top level
 * cannot run in a module scope of its own (others run while it waits)
 */
public record HotFeatures(boolean usesHot, boolean selfAccepting, List<String> acceptedDeps, boolean declines,
		boolean disposes, List<String> components, boolean onlyComponentExports, boolean sideEffects,
		boolean exportsValues, boolean topLevelAwait) {

	/**
	 * A module that does not take part in hot updates.
	 */
	public static final HotFeatures NONE = builder().build();

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

	/**
	 * Start features that name what they set: everything not set is false or empty.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link HotFeatures} by name rather than by position.
	 */
	public static final class Builder {

		private boolean usesHot;

		private boolean selfAccepting;

		private List<String> acceptedDeps = List.of();

		private boolean declines;

		private boolean disposes;

		private List<String> components = List.of();

		private boolean onlyComponentExports;

		private boolean sideEffects;

		private boolean exportsValues;

		private boolean topLevelAwait;

		private Builder() {
		}

		public Builder usesHot(boolean usesHot) {
			this.usesHot = usesHot;
			return this;
		}

		public Builder selfAccepting(boolean selfAccepting) {
			this.selfAccepting = selfAccepting;
			return this;
		}

		public Builder acceptedDeps(List<String> acceptedDeps) {
			this.acceptedDeps = acceptedDeps;
			return this;
		}

		public Builder declines(boolean declines) {
			this.declines = declines;
			return this;
		}

		public Builder disposes(boolean disposes) {
			this.disposes = disposes;
			return this;
		}

		public Builder components(List<String> components) {
			this.components = components;
			return this;
		}

		public Builder onlyComponentExports(boolean onlyComponentExports) {
			this.onlyComponentExports = onlyComponentExports;
			return this;
		}

		public Builder sideEffects(boolean sideEffects) {
			this.sideEffects = sideEffects;
			return this;
		}

		public Builder exportsValues(boolean exportsValues) {
			this.exportsValues = exportsValues;
			return this;
		}

		public Builder topLevelAwait(boolean topLevelAwait) {
			this.topLevelAwait = topLevelAwait;
			return this;
		}

		public HotFeatures build() {
			return new HotFeatures(this.usesHot, this.selfAccepting, this.acceptedDeps, this.declines, this.disposes,
					this.components, this.onlyComponentExports, this.sideEffects, this.exportsValues,
					this.topLevelAwait);
		}

	}

}

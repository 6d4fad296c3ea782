package io.velocity.hmr.compile;

/**
 * How modules are compiled: for production, or for development with hot module
 * replacement. Chosen by configuration (whether HMR is active), never guessed.
 */
public enum CompileMode {

	/**
	 * Code as swc writes it, imports aside: no hot context, no component registration.
	 */
	PRODUCTION,

	/**
	 * Code that takes part in hot updates, as described on {@link HotCode}.
	 */
	HOT;

	boolean isHot() {
		return this == HOT;
	}

}

package io.velocity.hmr.compile;

/**
 * Told of a module that could not be compiled when a browser asked for it, so that the
 * problem can be shown in the pages: a page whose module failed to load shows nothing,
 * and the browser says only that a script failed.
 */
@FunctionalInterface
public interface CompileProblemListener {

	/**
	 * A module a browser asked for could not be compiled.
	 * @param problem the problem
	 */
	void compileFailed(CompileProblem problem);

}

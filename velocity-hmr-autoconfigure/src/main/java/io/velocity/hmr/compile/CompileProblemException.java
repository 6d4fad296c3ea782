package io.velocity.hmr.compile;

/**
 * Thrown when a module cannot be compiled because of its source. Carries a
 * {@link CompileProblem} for the user; it is not a failure of the server.
 */
public class CompileProblemException extends RuntimeException {

	private final transient CompileProblem problem;

	public CompileProblemException(CompileProblem problem) {
		super(problem.toString(), null, false, false);
		this.problem = problem;
	}

	public CompileProblem getProblem() {
		return this.problem;
	}

}

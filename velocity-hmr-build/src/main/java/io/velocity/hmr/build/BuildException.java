package io.velocity.hmr.build;

import java.util.List;

/**
 * Thrown when the front end cannot be built; the message lists every problem, one per
 * line, as {@code file:line:col message} where there is a place to point at.
 */
public class BuildException extends RuntimeException {

	private final List<String> problems;

	public BuildException(List<String> problems) {
		super("Velocity could not build the front end:\n  " + String.join("\n  ", problems), null, false, false);
		this.problems = List.copyOf(problems);
	}

	public BuildException(String problem) {
		this(List.of(problem));
	}

	/**
	 * Return the problems, one line each.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}

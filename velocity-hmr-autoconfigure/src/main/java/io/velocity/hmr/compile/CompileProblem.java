package io.velocity.hmr.compile;

import org.springframework.util.Assert;

/**
 * Why a module could not be compiled, pointing at the place in the source to fix.
 *
 * @param file the module path relative to its source root
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong, in words for the user
 * @param frame a few source lines around the place with a caret under the column, or an
 * empty string
 */
public record CompileProblem(String file, int line, int column, String message, String frame) {

	public CompileProblem {
		Assert.hasText(file, "'file' must not be empty");
		Assert.hasText(message, "'message' must not be empty");
		frame = (frame != null) ? frame : "";
	}

	/**
	 * Return {@code file:line:col message}, the form editors and terminals link to.
	 * @return the problem on one line
	 */
	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + " " + this.message;
	}

}

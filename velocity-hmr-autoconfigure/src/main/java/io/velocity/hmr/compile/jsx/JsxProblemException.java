package io.velocity.hmr.compile.jsx;

/**
 * Thrown when JSX is valid syntax but cannot be compiled safely, such as an {@code on*}
 * attribute whose value is a literal and would become code the browser runs.
 */
public final class JsxProblemException extends RuntimeException {

	private final int line;

	private final int column;

	JsxProblemException(String message, int line, int column) {
		super(message, null, false, false);
		this.line = line;
		this.column = column;
	}

	/**
	 * Return the 1-based line of the offending JSX.
	 * @return the line
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * Return the 1-based column, in code points, of the offending JSX.
	 * @return the column
	 */
	public int getColumn() {
		return this.column;
	}

}

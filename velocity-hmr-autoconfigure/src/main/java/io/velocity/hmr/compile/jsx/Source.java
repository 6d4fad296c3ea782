package io.velocity.hmr.compile.jsx;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;

/**
 * The original text of a module: string indexes of the code point offsets in swc spans,
 * and lines.
 */
final class Source {

	private final String text;

	// Null when every code point is one char, so that offsets are indexes.
	private final int[] indexes;

	private final int[] lineStarts;

	Source(String text) {
		this.text = text;
		int codePoints = text.codePointCount(0, text.length());
		if (codePoints == text.length()) {
			this.indexes = null;
		}
		else {
			this.indexes = new int[codePoints + 1];
			for (int i = 0, offset = 0; offset <= codePoints; offset++) {
				this.indexes[offset] = i;
				if (i < text.length()) {
					i += Character.charCount(text.codePointAt(i));
				}
			}
		}
		this.lineStarts = LineStarts.of(text);
	}

	String text() {
		return this.text;
	}

	int start(ISwc4jAst node) {
		return index(node.getSpan().getStart());
	}

	int end(ISwc4jAst node) {
		return index(node.getSpan().getEnd());
	}

	String slice(ISwc4jAst node) {
		return this.text.substring(start(node), end(node));
	}

	private int index(int codePointOffset) {
		if (this.indexes == null) {
			return Math.max(0, Math.min(codePointOffset, this.text.length()));
		}
		return this.indexes[Math.max(0, Math.min(codePointOffset, this.indexes.length - 1))];
	}

	/**
	 * Return the 0-based line of a string index.
	 */
	int line(int index) {
		return LineStarts.lineOf(this.lineStarts, index);
	}

	int lineStart(int line) {
		return this.lineStarts[line];
	}

	/**
	 * Return the 1-based line and column (in code points) of a node, for problems.
	 */
	JsxProblemException problem(ISwc4jAst node, String message) {
		return new JsxProblemException(message, node.getSpan().getLine(), node.getSpan().getColumn());
	}

}

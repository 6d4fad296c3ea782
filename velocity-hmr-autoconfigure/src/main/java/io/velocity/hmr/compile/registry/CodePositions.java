package io.velocity.hmr.compile.registry;

import java.util.List;

import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.span.Swc4jSpan;

/**
 * Converts swc's code point offsets to string indexes.
 */
final class CodePositions {

	private final String code;

	private final boolean ascii;

	CodePositions(String code) {
		this.code = code;
		this.ascii = code.chars().allMatch((ch) -> ch < 0xD800 || ch > 0xDFFF);
	}

	int start(ISwc4jAst node) {
		return index(node.getSpan().getStart());
	}

	int end(ISwc4jAst node) {
		return index(node.getSpan().getEnd());
	}

	/**
	 * Remove a span but keep its line breaks, so that no later line moves.
	 */
	void blank(List<Edit> edits, Swc4jSpan span) {
		int start = index(span.getStart());
		int end = index(span.getEnd());
		edits.add(Edit.text(start, end, this.code.substring(start, end).replaceAll("[^\n]", "")));
	}

	private int index(int codePoints) {
		if (this.ascii) {
			return Math.min(Math.max(codePoints, 0), this.code.length());
		}
		int count = Math.min(Math.max(codePoints, 0), this.code.codePointCount(0, this.code.length()));
		return this.code.offsetByCodePoints(0, count);
	}

}

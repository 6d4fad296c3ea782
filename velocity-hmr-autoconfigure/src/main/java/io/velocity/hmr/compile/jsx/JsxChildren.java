package io.velocity.hmr.compile.jsx;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxEmptyExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstJsxExprContainer;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstJsxText;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstJsxElementChild;

/**
 * The children of a JSX element that render something, and the text of JSX text as JSX
 * defines it: lines trimmed and joined with one space, lines of only whitespace dropped.
 */
final class JsxChildren {

	private JsxChildren() {
	}

	/**
	 * Return the children without empty text and empty expression containers.
	 */
	static List<ISwc4jAstJsxElementChild> meaningful(List<ISwc4jAstJsxElementChild> children) {
		List<ISwc4jAstJsxElementChild> result = new ArrayList<>(children.size());
		for (ISwc4jAstJsxElementChild child : children) {
			if (child instanceof Swc4jAstJsxText text && text(text).isEmpty()) {
				continue;
			}
			if (child instanceof Swc4jAstJsxExprContainer container
					&& container.getExpr() instanceof Swc4jAstJsxEmptyExpr) {
				continue;
			}
			result.add(child);
		}
		return result;
	}

	/**
	 * Return the text a JSX text child renders, entities decoded.
	 */
	static String text(Swc4jAstJsxText text) {
		String value = text.getValue();
		if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		String[] lines = value.split("\r\n|\n|\r", -1);
		int lastNonEmpty = -1;
		for (int i = 0; i < lines.length; i++) {
			if (!lines[i].isBlank()) {
				lastNonEmpty = i;
			}
		}
		StringBuilder result = new StringBuilder(value.length());
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].replace('\t', ' ');
			if (i > 0) {
				line = line.stripLeading();
			}
			if (i < lines.length - 1) {
				line = line.stripTrailing();
			}
			if (!line.isEmpty()) {
				result.append(line);
				if (i != lastNonEmpty) {
					result.append(' ');
				}
			}
		}
		return result.toString();
	}

	static String escapeText(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			String replacement = switch (ch) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				default -> null;
			};
			out = append(out, text, i, ch, replacement);
		}
		return (out != null) ? out.toString() : text;
	}

	static String escapeAttribute(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			String replacement = switch (ch) {
				case '&' -> "&amp;";
				case '"' -> "&quot;";
				default -> null;
			};
			out = append(out, text, i, ch, replacement);
		}
		return (out != null) ? out.toString() : text;
	}

	private static StringBuilder append(StringBuilder out, String text, int i, char ch, String replacement) {
		if (replacement == null) {
			if (out != null) {
				out.append(ch);
			}
			return out;
		}
		StringBuilder result = (out != null) ? out : new StringBuilder(text.length() + 16).append(text, 0, i);
		return result.append(replacement);
	}

}

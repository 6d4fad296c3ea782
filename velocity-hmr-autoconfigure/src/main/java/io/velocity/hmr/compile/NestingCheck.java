package io.velocity.hmr.compile;

import java.util.Arrays;
import java.util.Optional;

/**
 * Measures how deeply a module nests, before swc sees it: brackets, template literal
 * expressions and JSX elements, the constructs swc parses by recursion. A module nested
 * deeper than the limit is refused with a problem at the opening that went past it.
 * <p>
 * A scan of the text, not a parse: strings, comments, template text, regular expression
 * literals and JSX text are skipped, so brackets inside them do not count. Where a
 * {@code /} or a {@code <} could start either (a regular expression or a division, an
 * element or a comparison), the token before it decides, as it does for a parser; a guess
 * the other way can only miss a level or count one too many, and the limit stands far
 * below what the {@link CompileThreads compile thread's stack} holds.
 */
final class NestingCheck {

	private static final String KEYWORDS_BEFORE_EXPRESSION = "|return|typeof|case|do|else|in|of|new|delete|void"
			+ "|throw|yield|await|instanceof|default|";

	private final String text;

	private final boolean jsx;

	private final int limit;

	/**
	 * Open contexts: ( [ { brackets, $ a template expression, ` template text, t a JSX
	 * tag, c JSX children.
	 */
	private char[] stack = new char[64];

	private int size;

	private int depth;

	/** The last significant character of code, or 0 at the start. */
	private char previous;

	private int previousIndex = -1;

	private NestingCheck(String text, boolean jsx, int limit) {
		this.text = text;
		this.jsx = jsx;
		this.limit = limit;
	}

	/**
	 * Check a module's nesting.
	 * @param path the module path, for the problem
	 * @param text the source
	 * @param jsx whether the module may contain JSX
	 * @param limit the deepest nesting allowed
	 * @return the problem when the module nests deeper
	 */
	static Optional<CompileProblem> check(String path, String text, boolean jsx, int limit) {
		int at = new NestingCheck(text, jsx, limit).scan();
		if (at < 0) {
			return Optional.empty();
		}
		int lineStart = text.lastIndexOf('\n', at) + 1;
		int line = 1;
		for (int i = 0; i < lineStart; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		int column = text.codePointCount(lineStart, at) + 1;
		return Optional.of(CompileProblems.jsx(path, text,
				"nesting deeper than " + limit
						+ " (brackets, template literals and JSX elements); flatten or split this code"
						+ " (velocity.hmr.compiler.max-nesting-depth)",
				line, column));
	}

	/**
	 * Scan the text.
	 * @return the index of the opening that nests deeper than the limit, or -1
	 */
	private int scan() {
		int length = this.text.length();
		int i = 0;
		while (i < length) {
			char top = (this.size > 0) ? this.stack[this.size - 1] : 0;
			int next = switch (top) {
				case '`' -> template(i);
				case 't' -> tag(i);
				case 'c' -> children(i);
				default -> code(i);
			};
			if (next < 0) {
				return -next - 1;
			}
			i = next;
		}
		return -1;
	}

	private int code(int i) {
		char c = this.text.charAt(i);
		char after = (i + 1 < this.text.length()) ? this.text.charAt(i + 1) : 0;
		if (Character.isWhitespace(c)) {
			return i + 1;
		}
		if (c == '/' && after == '/') {
			int end = this.text.indexOf('\n', i);
			return (end < 0) ? this.text.length() : end;
		}
		if (c == '/' && after == '*') {
			int end = this.text.indexOf("*/", i + 2);
			return (end < 0) ? this.text.length() : end + 2;
		}
		if (c == '\'' || c == '"') {
			return significant(skipString(i, c), '"');
		}
		if (c == '`') {
			return push(i, '`', false);
		}
		if (c == '(' || c == '[' || c == '{') {
			this.previous = c;
			return push(i, c, true);
		}
		if (c == ')' || c == ']' || c == '}') {
			char top = (this.size > 0) ? this.stack[this.size - 1] : 0;
			boolean closes = (c == ')') ? top == '(' : (c == ']') ? top == '[' : (top == '{' || top == '$');
			if (closes) {
				// An unmatched closer (from a guess the other way) is ignored.
				pop();
			}
			return (top == '$' && closes) ? i + 1 : significant(i + 1, ')');
		}
		if (c == '/' && startsExpression()) {
			return significant(skipRegex(i), ')');
		}
		if (c == '<' && this.jsx && startsExpression() && (Character.isLetter(after) || after == '>')) {
			return push(i, 't', true);
		}
		this.previous = c;
		this.previousIndex = i;
		return i + 1;
	}

	private int template(int i) {
		char c = this.text.charAt(i);
		if (c == '\\') {
			return i + 2;
		}
		if (c == '`') {
			pop();
			return significant(i + 1, '"');
		}
		if (c == '$' && i + 1 < this.text.length() && this.text.charAt(i + 1) == '{') {
			int next = push(i, '$', true);
			return (next < 0) ? next : i + 2;
		}
		return i + 1;
	}

	private int tag(int i) {
		char c = this.text.charAt(i);
		if (c == '"' || c == '\'') {
			return skipString(i, c);
		}
		if (c == '{') {
			this.previous = '{';
			return push(i, '{', true);
		}
		if (c == '/' && i + 1 < this.text.length() && this.text.charAt(i + 1) == '>') {
			pop();
			return endElement(i + 2);
		}
		if (c == '>') {
			this.stack[this.size - 1] = 'c';
		}
		return i + 1;
	}

	private int children(int i) {
		char c = this.text.charAt(i);
		if (c == '{') {
			this.previous = '{';
			return push(i, '{', true);
		}
		if (c == '<' && i + 1 < this.text.length() && this.text.charAt(i + 1) == '/') {
			int end = this.text.indexOf('>', i);
			pop();
			return endElement((end < 0) ? this.text.length() : end + 1);
		}
		if (c == '<') {
			return push(i, 't', true);
		}
		return i + 1;
	}

	/** After an element: in code, what comes next follows a value. */
	private int endElement(int next) {
		return significant(next, ')');
	}

	private int significant(int next, char kind) {
		this.previous = kind;
		this.previousIndex = -1;
		return next;
	}

	/** Whether a '/' or '<' here starts an operand rather than follows one. */
	private boolean startsExpression() {
		char p = this.previous;
		if (p == 0) {
			return true;
		}
		if (Character.isJavaIdentifierPart(p)) {
			if (this.previousIndex < 0) {
				return false;
			}
			int start = this.previousIndex;
			while (start > 0 && Character.isJavaIdentifierPart(this.text.charAt(start - 1))) {
				start--;
			}
			String word = this.text.substring(start, this.previousIndex + 1);
			return KEYWORDS_BEFORE_EXPRESSION.contains("|" + word + "|");
		}
		return p != ')' && p != ']' && p != '"' && p != '.';
	}

	private int skipString(int i, char quote) {
		int j = i + 1;
		while (j < this.text.length()) {
			char c = this.text.charAt(j);
			if (c == '\\') {
				j += 2;
				continue;
			}
			if (c == quote || c == '\n') {
				return j + 1;
			}
			j++;
		}
		return this.text.length();
	}

	private int skipRegex(int i) {
		boolean inClass = false;
		int j = i + 1;
		while (j < this.text.length()) {
			char c = this.text.charAt(j);
			if (c == '\\') {
				j += 2;
				continue;
			}
			if (c == '\n') {
				return j;
			}
			if (c == '[') {
				inClass = true;
			}
			else if (c == ']') {
				inClass = false;
			}
			else if (c == '/' && !inClass) {
				return j + 1;
			}
			j++;
		}
		return this.text.length();
	}

	/**
	 * Open a context at i.
	 * @return the index after the opening, or {@code -i - 1} when the limit is passed
	 */
	private int push(int i, char context, boolean counts) {
		if (counts && ++this.depth > this.limit) {
			return -i - 1;
		}
		if (this.size == this.stack.length) {
			this.stack = Arrays.copyOf(this.stack, this.size * 2);
		}
		this.stack[this.size++] = context;
		return i + 1;
	}

	private void pop() {
		if (this.size > 0) {
			char context = this.stack[--this.size];
			if (context != '`') {
				this.depth--;
			}
		}
	}

}

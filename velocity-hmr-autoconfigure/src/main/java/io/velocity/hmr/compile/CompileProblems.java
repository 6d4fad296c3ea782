package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link CompileProblem CompileProblems} from what went wrong, each with a code
 * frame: a few numbered source lines around the place and a caret under the column.
 */
final class CompileProblems {

	// swc ends a diagnostic with "at <specifier>:<line>:<column>" (1-based, code points).
	private static final Pattern LOCATION = Pattern.compile("^\\s+at \\S*:(\\d+):(\\d+)\\s*$", Pattern.MULTILINE);

	// swc's own frame: lines such as " |" or "3 | return <div>".
	private static final Pattern FRAME_LINE = Pattern.compile("^\\s*\\d*\\s*\\|.*$");

	private static final int CONTEXT_LINES = 2;

	// Longer lines are cut around the column, so a frame stays readable and small.
	private static final int MAX_FRAME_LINE = 160;

	private CompileProblems() {
	}

	/**
	 * Turn the message of an swc parse or transpile error into a problem.
	 * @param path the module path
	 * @param text the module source
	 * @param swcMessage the message of the exception swc threw
	 * @return the problem
	 */
	static CompileProblem syntax(String path, String text, String swcMessage) {
		String message = (swcMessage != null) ? swcMessage : "";
		Matcher location = LOCATION.matcher(message);
		int line = 0;
		int column = 0;
		int end = message.length();
		if (location.find()) {
			line = Integer.parseInt(location.group(1));
			column = Integer.parseInt(location.group(2));
			end = location.start();
		}
		StringBuilder clean = new StringBuilder();
		for (String messageLine : message.substring(0, end).split("\n")) {
			if (FRAME_LINE.matcher(messageLine).matches()) {
				break;
			}
			if (!messageLine.isBlank()) {
				clean.append(clean.isEmpty() ? "" : " ").append(messageLine.strip());
			}
		}
		String summary = clean.isEmpty() ? "Syntax error" : clean.toString();
		return new CompileProblem(path, line, column, summary, frame(text, line, column));
	}

	/**
	 * A problem for a name a module imports that the module it names does not export.
	 * @param path the importing module's path
	 * @param text its source
	 * @param specifier the specifier of the module that lacks the name
	 * @param name the name
	 * @param line the 1-based line of the name, or 0
	 * @param column the 1-based column (in code points) of the name, or 0
	 * @return the problem
	 */
	static CompileProblem missingExport(String path, String text, String specifier, String name, int line, int column) {
		String message = "'" + specifier + "' has no export named '" + name + "'";
		return new CompileProblem(path, line, column, message, frame(text, line, column));
	}

	/**
	 * A problem for an import that could not be resolved.
	 * @param path the importing module's path
	 * @param text its source
	 * @param specifier the specifier
	 * @param reason why it could not be resolved
	 * @param line the 1-based line of the specifier, or 0
	 * @param column the 1-based column (in code points) of the specifier, or 0
	 * @return the problem
	 */
	static CompileProblem unresolvedImport(String path, String text, String specifier, String reason, int line,
			int column) {
		String message = "Cannot resolve import \"" + specifier + "\" from " + path + ": " + reason;
		return new CompileProblem(path, line, column, message, frame(text, line, column));
	}

	/**
	 * A problem in JSX that parses but cannot be compiled safely.
	 * @param path the module path
	 * @param text its source
	 * @param message what is wrong
	 * @param line the 1-based line
	 * @param column the 1-based column in code points
	 * @return the problem
	 */
	static CompileProblem jsx(String path, String text, String message, int line, int column) {
		return new CompileProblem(path, line, column, message, frame(text, line, column));
	}

	/**
	 * A problem for content that is not UTF-8.
	 * @param path the module path
	 * @param content the raw content
	 * @param offset the byte offset of the first malformed byte
	 * @return the problem
	 */
	static CompileProblem notUtf8(String path, byte[] content, int offset) {
		int lineStart = 0;
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (content[i] == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		String before = new String(content, lineStart, offset - lineStart, StandardCharsets.UTF_8);
		int column = before.codePointCount(0, before.length()) + 1;
		String lenient = new String(content, StandardCharsets.UTF_8);
		return new CompileProblem(path, line, column,
				path + " is not valid UTF-8 (byte offset " + offset + "); save it with UTF-8 encoding",
				frame(lenient, line, column));
	}

	/**
	 * Render a code frame.
	 * @param text the source
	 * @param line the 1-based line, or 0 for none
	 * @param column the 1-based column in code points
	 * @return the frame, or an empty string when the line is not in the text
	 */
	static String frame(String text, int line, int column) {
		String[] lines = text.split("\r?\n", -1);
		if (line < 1 || line > lines.length) {
			return "";
		}
		int first = Math.max(1, line - CONTEXT_LINES);
		int last = Math.min(lines.length, line + CONTEXT_LINES);
		int width = String.valueOf(last).length();
		StringBuilder frame = new StringBuilder();
		for (int number = first; number <= last; number++) {
			String content = lines[number - 1];
			int caretColumn = column;
			if (content.length() > MAX_FRAME_LINE) {
				// A minified or generated line: show the part around the column only.
				int at = (number == line && column > 0) ? SourceText.index(content, column - 1) : 0;
				int start = Math.max(0, Math.min(at - MAX_FRAME_LINE / 2, content.length() - MAX_FRAME_LINE));
				String window = content.substring(start, start + MAX_FRAME_LINE);
				caretColumn = window.codePointCount(0, Math.min(at - start, window.length())) + 1
						+ ((start > 0) ? 1 : 0);
				content = ((start > 0) ? "…" : "") + window + "…";
			}
			frame.append((number == line) ? "> " : "  ")
				.append(" ".repeat(width - String.valueOf(number).length()))
				.append(number)
				.append(" | ")
				.append(content)
				.append('\n');
			if (number == line && column > 0) {
				frame.append("  ")
					.append(" ".repeat(width))
					.append(" | ")
					.append(caretIndent(content, caretColumn))
					.append("^\n");
			}
		}
		return frame.toString();
	}

	// Keep tabs so the caret lines up however the tabs are rendered.
	private static String caretIndent(String line, int column) {
		String before = line.substring(0, SourceText.index(line, column - 1));
		StringBuilder indent = new StringBuilder(before.length());
		before.codePoints().forEach((ch) -> indent.append((ch == '\t') ? '\t' : ' '));
		return indent.toString();
	}

}

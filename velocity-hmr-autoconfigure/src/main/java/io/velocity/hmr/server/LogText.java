package io.velocity.hmr.server;

/**
 * Makes text that a client sent safe to put in a log line: control characters (a newline
 * would start a forged log line, an escape sequence would rewrite the terminal) are
 * written as escapes, and the text is cut to a length a log line can take.
 */
public final class LogText {

	private static final int MAX_LENGTH = 500;

	private LogText() {
	}

	/**
	 * Return the text with control characters escaped, at most 500 characters of it.
	 * @param text the text, or {@code null}
	 * @return the escaped text, {@code "null"} for none
	 */
	public static String escape(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
		int i = 0;
		for (; i < text.length() && escaped.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else if (c == '\t') {
				escaped.append("\\t");
			}
			else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		if (i < text.length()) {
			escaped.append("… (").append(text.length()).append(" characters)");
		}
		return escaped.toString();
	}

}

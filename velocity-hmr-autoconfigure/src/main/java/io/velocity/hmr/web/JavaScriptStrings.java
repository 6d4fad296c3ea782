package io.velocity.hmr.web;

/**
 * Quotes text as a JavaScript string literal, for messages written into scripts.
 */
final class JavaScriptStrings {

	private JavaScriptStrings() {
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 16).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				// '<' keeps "</script>" inert when the literal lands in an inline script.
				case '<' -> quoted.append("\\u003c");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}

package io.velocity.hmr.registry;

/**
 * JavaScript string literals.
 */
final class JsText {

	private JsText() {
	}

	/**
	 * Quote a string as a JSON (and so JavaScript) string literal.
	 * @param value the string
	 * @return the literal
	 */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
						quoted.append(String.format("\\u%04x", (int) ch));
					}
					else {
						quoted.append(ch);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}

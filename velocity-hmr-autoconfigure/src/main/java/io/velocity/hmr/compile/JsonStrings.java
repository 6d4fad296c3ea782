package io.velocity.hmr.compile;

/**
 * Quotes text as a JSON string, which is also a JavaScript string literal: for the URLs,
 * names and messages written into generated code and source maps.
 */
public final class JsonStrings {

	private JsonStrings() {
	}

	/**
	 * Quote a text.
	 * @param value the text
	 * @return the text as a quoted, escaped string literal
	 */
	public static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\u2028' -> json.append("\\u2028");
				case '\u2029' -> json.append("\\u2029");
				default -> {
					if (ch < 0x20) {
						json.append(String.format("\\u%04x", (int) ch));
					}
					else {
						json.append(ch);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}

package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.velocity.hmr.compile.ModuleSyntax.ImportSite;
import io.velocity.hmr.compile.SourceMapMappings.ColumnShift;

/**
 * Writes resolved import URLs over the specifier literals of compiled code and attaches
 * an inline source map that still points every generated position at its original one.
 * Text can be put in front of the first line and after the last, so that hot mode can add
 * its prelude and registrations without moving any original line.
 */
final class ImportRewriter {

	private static final String MAP_URL_PREFIX = "//# sourceMappingURL=data:application/json;charset=utf-8;base64,";

	// Shifts every column of the first line, column 0 included.
	private static final int BEFORE_LINE = -1;

	/**
	 * Rewrite the given literals.
	 * @param code the compiled code, without a source map comment
	 * @param sourceMap the source map swc produced for it
	 * @param rewrites the literals with the values to write over them, in source order
	 * @param prefix text to put in front of the first line, on the same line
	 * @param suffix whole lines to add after the code
	 * @param servedUrl the URL of the module, named as the map's source
	 * @param originalText the original source, embedded in the map
	 * @return the code with rewritten literals and an inline source map
	 */
	String rewrite(String code, String sourceMap, List<Rewrite> rewrites, String prefix, String suffix,
			String servedUrl, String originalText) {
		StringBuilder result = new StringBuilder(
				prefix.length() + code.length() + 64 * rewrites.size() + suffix.length() + sourceMap.length());
		Map<Integer, List<ColumnShift>> shifts = new TreeMap<>();
		if (!prefix.isEmpty()) {
			result.append(prefix);
			shifts.computeIfAbsent(0, (key) -> new ArrayList<>()).add(new ColumnShift(BEFORE_LINE, prefix.length()));
		}
		int copied = 0;
		int line = 0;
		int lineStart = 0;
		for (Rewrite rewrite : rewrites) {
			int start = SourceText.index(code, rewrite.site().span().getStart());
			int end = SourceText.index(code, rewrite.site().span().getEnd());
			for (int i = copied; i < start; i++) {
				if (code.charAt(i) == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			String literal = JsonStrings.quote(rewrite.url());
			result.append(code, copied, start).append(literal);
			shifts.computeIfAbsent(line, (key) -> new ArrayList<>())
				.add(new ColumnShift(start - lineStart, literal.length() - (end - start)));
			copied = end;
		}
		result.append(code, copied, code.length());
		if (result.isEmpty() || result.charAt(result.length() - 1) != '\n') {
			result.append('\n');
		}
		result.append(suffix);
		String map = sourceMap(sourceMap, shifts, servedUrl, originalText);
		return result.append(MAP_URL_PREFIX)
			.append(Base64.getEncoder().encodeToString(map.getBytes(StandardCharsets.UTF_8)))
			.append('\n')
			.toString();
	}

	private static String sourceMap(String swcMap, Map<Integer, List<ColumnShift>> shifts, String servedUrl,
			String originalText) {
		String mappings = SourceMapMappings.shift(stringValue(swcMap, "mappings"), shifts);
		return "{\"version\":3,\"sources\":[" + JsonStrings.quote(servedUrl) + "],\"sourcesContent\":["
				+ JsonStrings.quote(originalText) + "],\"names\":" + arrayValue(swcMap, "names") + ",\"mappings\":"
				+ JsonStrings.quote(mappings) + "}";
	}

	// An unescaped '"key":' cannot occur inside a JSON string, so indexOf finds the key.
	private static String stringValue(String json, String key) {
		int start = json.indexOf("\"" + key + "\":\"");
		if (start < 0) {
			return "";
		}
		start += key.length() + 4;
		return json.substring(start, json.indexOf('"', start));
	}

	private static String arrayValue(String json, String key) {
		int start = json.indexOf("\"" + key + "\":[");
		if (start < 0) {
			return "[]";
		}
		start += key.length() + 3;
		boolean inString = false;
		for (int i = start + 1; i < json.length(); i++) {
			char ch = json.charAt(i);
			if (inString && ch == '\\') {
				i++;
			}
			else if (ch == '"') {
				inString = !inString;
			}
			else if (!inString && ch == ']') {
				return json.substring(start, i + 1);
			}
		}
		return "[]";
	}

	/**
	 * A string literal and the value to write over it.
	 *
	 * @param site the literal in the compiled code
	 * @param url the value, such as a resolved and customized URL
	 */
	record Rewrite(ImportSite site, String url) {
	}

}

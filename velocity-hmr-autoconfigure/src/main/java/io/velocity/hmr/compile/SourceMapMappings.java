package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shifts generated columns in the {@code mappings} of a source map (version 3) after text
 * on some generated lines changed length, so that the map stays exact when import
 * specifiers in the generated code are replaced. Lines without a change are copied as
 * they are; only the generated column, the one field that is relative to the line, needs
 * re-encoding.
 */
final class SourceMapMappings {

	private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private SourceMapMappings() {
	}

	/**
	 * Shift generated columns.
	 * @param mappings the encoded mappings
	 * @param shifts per 0-based generated line, the edits on that line in column order
	 * @return the encoded mappings with shifted columns
	 */
	static String shift(String mappings, Map<Integer, List<ColumnShift>> shifts) {
		if (shifts.isEmpty()) {
			return mappings;
		}
		String[] lines = mappings.split(";", -1);
		for (Map.Entry<Integer, List<ColumnShift>> entry : shifts.entrySet()) {
			int line = entry.getKey();
			if (line < lines.length && !lines[line].isEmpty()) {
				lines[line] = shiftLine(lines[line], entry.getValue());
			}
		}
		return String.join(";", lines);
	}

	private static String shiftLine(String line, List<ColumnShift> shifts) {
		StringBuilder result = new StringBuilder(line.length() + 8);
		int column = 0;
		int previousShifted = 0;
		for (String segment : line.split(",", -1)) {
			List<Integer> fields = decode(segment);
			column += fields.get(0);
			int shifted = column + delta(column, shifts);
			fields.set(0, shifted - previousShifted);
			previousShifted = shifted;
			if (!result.isEmpty()) {
				result.append(',');
			}
			fields.forEach((field) -> encode(field, result));
		}
		return result.toString();
	}

	/**
	 * Map the source positions of a source map (its first source's) through a function,
	 * leaving the generated positions as they are: composes a map of generated code to an
	 * intermediate text with the way from that text back to the original.
	 * @param sourceMap the source map, as JSON
	 * @param toOriginal from a 0-based line and column to a position packed as
	 * {@code line << 32 | column}
	 * @return the source map with its mappings replaced
	 */
	static String remapSourceMap(String sourceMap, PositionMapping toOriginal) {
		String key = "\"mappings\":\"";
		int start = sourceMap.indexOf(key);
		if (start < 0) {
			return sourceMap;
		}
		start += key.length();
		int end = sourceMap.indexOf('"', start);
		String remapped = remapSources(sourceMap.substring(start, end), toOriginal);
		return sourceMap.substring(0, start) + remapped + sourceMap.substring(end);
	}

	static String remapSources(String mappings, PositionMapping toOriginal) {
		StringBuilder result = new StringBuilder(mappings.length() + 16);
		int sourceLine = 0;
		int sourceColumn = 0;
		int writtenLine = 0;
		int writtenColumn = 0;
		int segmentStart = 0;
		for (int i = 0; i <= mappings.length(); i++) {
			char ch = (i < mappings.length()) ? mappings.charAt(i) : ';';
			if (ch != ',' && ch != ';') {
				continue;
			}
			if (i > segmentStart) {
				List<Integer> fields = decode(mappings.substring(segmentStart, i));
				if (fields.size() >= 4) {
					sourceLine += fields.get(2);
					sourceColumn += fields.get(3);
					long original = toOriginal.map(sourceLine, sourceColumn);
					int line = (int) (original >>> 32);
					int column = (int) original;
					fields.set(2, line - writtenLine);
					fields.set(3, column - writtenColumn);
					writtenLine = line;
					writtenColumn = column;
				}
				fields.forEach((field) -> encode(field, result));
			}
			if (i < mappings.length()) {
				result.append(ch);
			}
			segmentStart = i + 1;
		}
		return result.toString();
	}

	private static int delta(int column, List<ColumnShift> shifts) {
		int delta = 0;
		for (ColumnShift shift : shifts) {
			if (column > shift.column()) {
				delta += shift.delta();
			}
		}
		return delta;
	}

	static List<Integer> decode(String segment) {
		List<Integer> fields = new ArrayList<>(5);
		int value = 0;
		int shift = 0;
		for (int i = 0; i < segment.length(); i++) {
			int digit = BASE64.indexOf(segment.charAt(i));
			if (digit < 0) {
				throw new IllegalArgumentException("Invalid source map segment '" + segment + "'");
			}
			value += (digit & 31) << shift;
			if ((digit & 32) != 0) {
				shift += 5;
				continue;
			}
			fields.add(((value & 1) != 0) ? -(value >>> 1) : (value >>> 1));
			value = 0;
			shift = 0;
		}
		return fields;
	}

	static void encode(int field, StringBuilder out) {
		int value = (field < 0) ? ((-field) << 1) | 1 : field << 1;
		do {
			int digit = value & 31;
			value >>>= 5;
			out.append(BASE64.charAt((value != 0) ? digit | 32 : digit));
		}
		while (value != 0);
	}

	/**
	 * Maps a 0-based line and column to another, packed as {@code line << 32 | column}.
	 */
	@FunctionalInterface
	interface PositionMapping {

		long map(int line, int column);

	}

	/**
	 * A change of length at a column of a generated line.
	 *
	 * @param column the 0-based column where the changed text starts
	 * @param delta how many characters longer (or shorter, when negative) the text became
	 */
	record ColumnShift(int column, int delta) {
	}

}

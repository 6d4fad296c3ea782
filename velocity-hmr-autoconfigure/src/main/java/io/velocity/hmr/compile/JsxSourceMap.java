package io.velocity.hmr.compile;

import java.util.Arrays;
import java.util.List;

import io.velocity.hmr.compile.jsx.JsxPositions;
import io.velocity.hmr.compile.jsx.LineStarts;

/**
 * The source map of a module whose JSX {@link io.velocity.hmr.compile.jsx.JsxTransform}
 * compiled in the code swc generated: swc's map (generated code to source) composed with
 * the transform's pieces (written text to generated code). Copied text keeps every
 * mapping swc made in it; generated text maps where the JSX it stands for does.
 */
final class JsxSourceMap {

	private static final String MAPPINGS_KEY = "\"mappings\":\"";

	private JsxSourceMap() {
	}

	/**
	 * Compose the maps.
	 * @param swcMap the source map swc wrote for the generated code, as JSON
	 * @param generated the generated code
	 * @param positions the pieces of the written text
	 * @param written the written text
	 * @return swc's map with mappings of the written text
	 */
	static String compose(String swcMap, String generated, JsxPositions positions, String written) {
		int start = swcMap.indexOf(MAPPINGS_KEY);
		if (start < 0) {
			return swcMap;
		}
		start += MAPPINGS_KEY.length();
		int end = swcMap.indexOf('"', start);
		Segments segments = Segments.decode(swcMap.substring(start, end), generated);
		Encoder encoder = new Encoder(written);
		for (int piece = 0; piece < positions.pieces(); piece++) {
			int length = positions.length(piece);
			if (length == 0) {
				continue;
			}
			int writtenStart = positions.writtenStart(piece);
			int sourceStart = positions.sourceStart(piece);
			int first = segments.atOrBefore(sourceStart);
			if (first >= 0) {
				// The piece's start, which may be in the middle of what swc mapped.
				encoder.add(writtenStart, segments, first, sourceStart);
			}
			if (positions.isCopied(piece)) {
				for (int i = first + 1; i < segments.count && segments.at[i] < sourceStart + length; i++) {
					encoder.add(writtenStart + segments.at[i] - sourceStart, segments, i, segments.at[i]);
				}
			}
		}
		return swcMap.substring(0, start) + encoder.mappings() + swcMap.substring(end);
	}

	/**
	 * swc's mappings, decoded, with their generated positions as string indexes.
	 */
	private static final class Segments {

		int count;

		int[] lineStarts;

		int[] at = new int[64];

		int[] line = new int[64];

		int[] sourceLine = new int[64];

		int[] sourceColumn = new int[64];

		int[] name = new int[64];

		static Segments decode(String mappings, String generated) {
			int[] lineStarts = LineStarts.of(generated);
			Segments segments = new Segments();
			segments.lineStarts = lineStarts;
			int line = 0;
			int column = 0;
			int sourceLine = 0;
			int sourceColumn = 0;
			int name = 0;
			int segmentStart = 0;
			for (int i = 0; i <= mappings.length(); i++) {
				char ch = (i < mappings.length()) ? mappings.charAt(i) : ';';
				if (ch != ',' && ch != ';') {
					continue;
				}
				if (i > segmentStart) {
					List<Integer> fields = SourceMapMappings.decode(mappings.substring(segmentStart, i));
					column += fields.get(0);
					if (fields.size() >= 4 && line < lineStarts.length) {
						sourceLine += fields.get(2);
						sourceColumn += fields.get(3);
						int named = -1;
						if (fields.size() >= 5) {
							name += fields.get(4);
							named = name;
						}
						segments.add(lineStarts[line] + column, line, sourceLine, sourceColumn, named);
					}
				}
				if (ch == ';') {
					line++;
					column = 0;
				}
				segmentStart = i + 1;
			}
			return segments;
		}

		private void add(int at, int line, int sourceLine, int sourceColumn, int name) {
			if (this.count == this.at.length) {
				int size = this.count * 2;
				this.at = Arrays.copyOf(this.at, size);
				this.line = Arrays.copyOf(this.line, size);
				this.sourceLine = Arrays.copyOf(this.sourceLine, size);
				this.sourceColumn = Arrays.copyOf(this.sourceColumn, size);
				this.name = Arrays.copyOf(this.name, size);
			}
			this.at[this.count] = at;
			this.line[this.count] = line;
			this.sourceLine[this.count] = sourceLine;
			this.sourceColumn[this.count] = sourceColumn;
			this.name[this.count] = name;
			this.count++;
		}

		/**
		 * The last segment at or before a generated index, or -1.
		 */
		int atOrBefore(int index) {
			int found = Arrays.binarySearch(this.at, 0, this.count, index);
			if (found < 0) {
				return -found - 2;
			}
			while (found + 1 < this.count && this.at[found + 1] == index) {
				found++;
			}
			return found;
		}

	}

	/**
	 * Writes mappings of the written text, in the order of its positions.
	 */
	private static final class Encoder {

		private final int[] lineStarts;

		private final StringBuilder out = new StringBuilder();

		private int line;

		private int lastAt = -1;

		private int column;

		private int sourceLine;

		private int sourceColumn;

		private int name;

		Encoder(String written) {
			this.lineStarts = LineStarts.of(written);
		}

		/**
		 * Map a written index where a segment of swc's does, moved along the line when
		 * the index is further on than the segment.
		 */
		void add(int at, Segments segments, int segment, int generatedIndex) {
			if (at <= this.lastAt) {
				return;
			}
			int mappedLine = segments.sourceLine[segment];
			int mappedColumn = segments.sourceColumn[segment];
			int generatedLine = LineStarts.lineOf(segments.lineStarts, generatedIndex);
			if (generatedLine == segments.line[segment]) {
				mappedColumn += generatedIndex - segments.at[segment];
			}
			int writtenLine = Math.max(LineStarts.lineOf(this.lineStarts, at), 0);
			while (this.line < writtenLine) {
				this.out.append(';');
				this.line++;
				this.column = 0;
			}
			if (this.lastAt >= this.lineStarts[this.line]) {
				this.out.append(',');
			}
			int writtenColumn = at - this.lineStarts[this.line];
			SourceMapMappings.encode(writtenColumn - this.column, this.out);
			SourceMapMappings.encode(0, this.out);
			SourceMapMappings.encode(mappedLine - this.sourceLine, this.out);
			SourceMapMappings.encode(mappedColumn - this.sourceColumn, this.out);
			if (segments.name[segment] >= 0) {
				SourceMapMappings.encode(segments.name[segment] - this.name, this.out);
				this.name = segments.name[segment];
			}
			this.column = writtenColumn;
			this.sourceLine = mappedLine;
			this.sourceColumn = mappedColumn;
			this.lastAt = at;
		}

		String mappings() {
			return this.out.toString();
		}

	}

}

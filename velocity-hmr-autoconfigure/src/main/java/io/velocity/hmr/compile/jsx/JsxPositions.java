package io.velocity.hmr.compile.jsx;

import java.util.Arrays;

/**
 * Maps a position in the text {@link JsxTransform} wrote to the position in the source it
 * comes from: inside copied text the same character, inside generated text the start of
 * the JSX (or attribute) it was generated for. Lines and columns are 0-based, columns in
 * UTF-16 code units, as in source maps.
 */
public final class JsxPositions {

	private final Source source;

	private final int[] lineStarts;

	private final int[] outStarts;

	private final int[] sourceStarts;

	private final boolean[] copied;

	JsxPositions(Source source, int[] lineStarts, int[] outStarts, int[] sourceStarts, boolean[] copied) {
		this.source = source;
		this.lineStarts = lineStarts;
		this.outStarts = outStarts;
		this.sourceStarts = sourceStarts;
		this.copied = copied;
	}

	/**
	 * Return the source position of a position in the written text.
	 * @param line the 0-based line in the written text
	 * @param column the 0-based column in the written text
	 * @return the source line in the high 32 bits, the source column in the low 32 bits
	 * (see {@link #line(long)} and {@link #column(long)})
	 */
	public long toSource(int line, int column) {
		int index = this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] + column;
		int found = Arrays.binarySearch(this.outStarts, index);
		// Pieces may start at the same index (an empty one): the last of them is the one.
		int piece = (found >= 0) ? found : -found - 2;
		while (piece + 1 < this.outStarts.length && this.outStarts[piece + 1] == index) {
			piece++;
		}
		piece = Math.max(piece, 0);
		int sourceIndex = this.sourceStarts[piece] + (this.copied[piece] ? index - this.outStarts[piece] : 0);
		sourceIndex = Math.min(sourceIndex, this.source.text().length());
		int sourceLine = this.source.line(sourceIndex);
		return ((long) sourceLine << 32) | (sourceIndex - this.source.lineStart(sourceLine));
	}

	public static int line(long position) {
		return (int) (position >>> 32);
	}

	public static int column(long position) {
		return (int) position;
	}

}

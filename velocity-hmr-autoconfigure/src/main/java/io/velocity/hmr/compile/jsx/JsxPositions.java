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

	private final int outLength;

	JsxPositions(Source source, int[] lineStarts, int[] outStarts, int[] sourceStarts, boolean[] copied,
			int outLength) {
		this.source = source;
		this.lineStarts = lineStarts;
		this.outStarts = outStarts;
		this.sourceStarts = sourceStarts;
		this.copied = copied;
		this.outLength = outLength;
	}

	/**
	 * Return where a run of source text was copied to in the written text, for facts read
	 * from the source's syntax tree that must point into the written text.
	 * @param sourceIndex the string index of the run in the source
	 * @param length its length
	 * @return its string index in the written text, or -1 when it was not copied whole,
	 * or was copied more than once
	 */
	public int toWritten(int sourceIndex, int length) {
		int found = -1;
		for (int piece = 0; piece < this.outStarts.length; piece++) {
			int start = this.sourceStarts[piece];
			if (this.copied[piece] && start <= sourceIndex && sourceIndex + length <= start + length(piece)) {
				if (found >= 0) {
					return -1;
				}
				found = this.outStarts[piece] + (sourceIndex - start);
			}
		}
		return found;
	}

	/**
	 * Return how many pieces the written text is made of: each either copied from the
	 * source or generated for the source at one index.
	 * @return the number of pieces, in the order they are written
	 */
	public int pieces() {
		return this.outStarts.length;
	}

	/**
	 * Return where a piece starts in the written text.
	 * @param piece the piece
	 * @return its string index
	 */
	public int writtenStart(int piece) {
		return this.outStarts[piece];
	}

	/**
	 * Return how long a piece is in the written text.
	 * @param piece the piece
	 * @return its length
	 */
	public int length(int piece) {
		int end = (piece + 1 < this.outStarts.length) ? this.outStarts[piece + 1] : this.outLength;
		return end - this.outStarts[piece];
	}

	/**
	 * Return where a piece comes from in the source.
	 * @param piece the piece
	 * @return the string index its copy starts at, or that it was generated for
	 */
	public int sourceStart(int piece) {
		return this.sourceStarts[piece];
	}

	/**
	 * Return whether a piece is copied source text.
	 * @param piece the piece
	 * @return whether it is copied rather than generated
	 */
	public boolean isCopied(int piece) {
		return this.copied[piece];
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

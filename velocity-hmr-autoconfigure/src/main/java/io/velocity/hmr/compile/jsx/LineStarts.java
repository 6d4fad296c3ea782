package io.velocity.hmr.compile.jsx;

import java.util.Arrays;

/**
 * Where the lines of a text begin, to turn a string index into a line: source maps count
 * lines, the syntax tree and the written code count characters.
 */
public final class LineStarts {

	private LineStarts() {
	}

	/**
	 * Return the index at which each line of a text begins, the first line's 0 included.
	 * @param text the text
	 * @return the ascending line start indexes
	 */
	public static int[] of(CharSequence text) {
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	/**
	 * Return the 0-based line an index falls on.
	 * @param lineStarts what {@link #of(CharSequence)} returned for the text
	 * @param index a string index of the text
	 * @return the line, or -1 before the text
	 */
	public static int lineOf(int[] lineStarts, int index) {
		int found = Arrays.binarySearch(lineStarts, index);
		return (found >= 0) ? found : -found - 2;
	}

}

package io.velocity.hmr.compile.jsx;

import java.util.Arrays;
import java.util.List;

/**
 * Writes the rewritten module text and records, for each piece, where it comes from in
 * the source: copied text maps character by character, generated text maps to the place
 * of the JSX it stands for. Copied text is moved down to its original line when the
 * output is behind, so that most lines keep their numbers.
 */
final class CodeWriter {

	private final Source source;

	private final StringBuilder out;

	private int line;

	// Per piece: where it starts in the output, where it comes from, whether it is
	// copied.
	private int[] outStarts = new int[64];

	private int[] sourceStarts = new int[64];

	private boolean[] copied = new boolean[64];

	private int pieces;

	CodeWriter(Source source) {
		this.source = source;
		this.out = new StringBuilder(source.text().length() + (source.text().length() >> 1));
	}

	/**
	 * Copy source text, first moving down to its line if the output is behind.
	 */
	CodeWriter copy(int from, int to) {
		if (from >= to) {
			return this;
		}
		int target = this.source.line(from);
		while (this.line < target) {
			newline(from);
		}
		piece(from, true);
		String text = this.source.text();
		for (int i = from; i < to; i++) {
			if (text.charAt(i) == '\n') {
				this.line++;
			}
		}
		this.out.append(text, from, to);
		return this;
	}

	/**
	 * Copy source text without line breaks where the output is, even if it is behind the
	 * text's line: a name the generated code around it uses (a component's tag), kept a
	 * copy so that positions in it map both ways.
	 */
	CodeWriter copyInline(int from, int to) {
		piece(from, true);
		this.out.append(this.source.text(), from, to);
		return this;
	}

	/**
	 * Write generated text (without line breaks) that stands for the source at an index.
	 */
	CodeWriter write(String code, int sourceIndex) {
		piece(sourceIndex, false);
		this.out.append(code);
		return this;
	}

	/**
	 * Move down to the line of a source index, if the output is behind.
	 */
	CodeWriter lineOf(int sourceIndex) {
		int target = this.source.line(sourceIndex);
		while (this.line < target) {
			newline(sourceIndex);
		}
		return this;
	}

	private void newline(int sourceIndex) {
		piece(sourceIndex, false);
		this.out.append('\n');
		this.line++;
	}

	private void piece(int sourceIndex, boolean copy) {
		if (this.pieces == this.outStarts.length) {
			int size = this.pieces * 2;
			this.outStarts = Arrays.copyOf(this.outStarts, size);
			this.sourceStarts = Arrays.copyOf(this.sourceStarts, size);
			this.copied = Arrays.copyOf(this.copied, size);
		}
		this.outStarts[this.pieces] = this.out.length();
		this.sourceStarts[this.pieces] = sourceIndex;
		this.copied[this.pieces] = copy;
		this.pieces++;
	}

	/**
	 * Finish: put a header (without line breaks) in front of the first line and a trailer
	 * after the last.
	 */
	JsxOutput finish(String header, String trailer, List<String> helpers, boolean evaluatedAtTopLevel) {
		int end = this.source.text().length();
		if (!trailer.isEmpty()) {
			if (this.out.isEmpty() || this.out.charAt(this.out.length() - 1) != '\n') {
				write("\n", end);
			}
			write(trailer, end);
		}
		int[] outStarts = new int[this.pieces + 1];
		int[] sourceStarts = new int[this.pieces + 1];
		boolean[] copied = new boolean[this.pieces + 1];
		outStarts[0] = 0;
		sourceStarts[0] = 0;
		copied[0] = false;
		for (int i = 0; i < this.pieces; i++) {
			outStarts[i + 1] = this.outStarts[i] + header.length();
			sourceStarts[i + 1] = this.sourceStarts[i];
			copied[i + 1] = this.copied[i];
		}
		String code = header + this.out;
		return new JsxOutput(code,
				new JsxPositions(this.source, LineStarts.of(code), outStarts, sourceStarts, copied, code.length()),
				helpers, evaluatedAtTopLevel);
	}

}

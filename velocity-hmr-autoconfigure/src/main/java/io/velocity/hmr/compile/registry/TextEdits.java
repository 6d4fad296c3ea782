package io.velocity.hmr.compile.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of ranges of a text, applied at once. Ranges are string indexes; none may
 * overlap another, except an insertion (an empty range) at a replaced range's start.
 */
final class TextEdits {

	private final List<Edit> edits = new ArrayList<>();

	void replace(int start, int end, String text) {
		this.edits.add(new Edit(start, end, text, this.edits.size()));
	}

	void insert(int at, String text) {
		replace(at, at, text);
	}

	String apply(String text) {
		List<Edit> sorted = new ArrayList<>(this.edits);
		sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::order));
		StringBuilder result = new StringBuilder(text.length() + 32 * sorted.size());
		int copied = 0;
		for (Edit edit : sorted) {
			if (edit.start() < copied) {
				// Inside a range already replaced (an identifier in a removed
				// declaration).
				continue;
			}
			result.append(text, copied, edit.start()).append(edit.text());
			copied = edit.end();
		}
		return result.append(text, copied, text.length()).toString();
	}

	private record Edit(int start, int end, String text, int order) {
	}

}

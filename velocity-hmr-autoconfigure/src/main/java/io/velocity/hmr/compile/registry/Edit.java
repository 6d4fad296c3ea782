package io.velocity.hmr.compile.registry;

import org.jspecify.annotations.Nullable;

/**
 * An edit of the code: fixed text, or a reference to an imported binding.
 */
record Edit(int start, int end, String text, @Nullable Binding binding, Form form) {

	static Edit text(int start, int end, String text) {
		return new Edit(start, end, text, null, Form.TEXT);
	}

	String render(String[] namespaces) {
		if (this.binding == null) {
			return this.text;
		}
		String read = this.binding.render(namespaces);
		return switch (this.form) {
			// Called as a plain function, as it was, not as a method of the
			// namespace.
			case CALLEE -> read.contains(".") ? "(0, " + read + ")" : read;
			case SHORTHAND -> this.text + ": " + read;
			default -> read;
		};
	}

	/**
	 * How a reference is written: fixed text, a read, a call's callee, or an object
	 * literal's shorthand property.
	 */
	enum Form {

		TEXT, READ, CALLEE, SHORTHAND

	}

}

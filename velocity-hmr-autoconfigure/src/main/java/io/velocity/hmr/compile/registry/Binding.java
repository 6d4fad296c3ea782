package io.velocity.hmr.compile.registry;

/**
 * What an imported binding reads: a member of a module's namespace, or the namespace.
 *
 * @param source the index of the module's specifier
 * @param member {@code .name}, {@code ["name"]}, or empty for the namespace
 */
record Binding(int source, String member) {

	String render(String[] namespaces) {
		return namespaces[this.source] + this.member;
	}

}

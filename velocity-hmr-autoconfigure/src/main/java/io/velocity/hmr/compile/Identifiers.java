package io.velocity.hmr.compile;

import java.util.Set;

/**
 * Which names a generated {@code export const { name } = …} can bind.
 */
final class Identifiers {

	private static final Set<String> RESERVED = Set.of("await", "break", "case", "catch", "class", "const", "continue",
			"debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
			"function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package",
			"private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try",
			"typeof", "var", "void", "while", "with", "yield", "arguments", "eval");

	private Identifiers() {
	}

	/**
	 * Whether a name can be declared as a binding in a module.
	 * @param name the name
	 * @return whether it is an identifier and not a reserved word
	 */
	static boolean isBindable(String name) {
		if (name.isEmpty() || RESERVED.contains(name) || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
			return false;
		}
		return name.codePoints().allMatch((ch) -> Character.isJavaIdentifierPart(ch) && ch != 0);
	}

}

package io.velocity.hmr.compile.registry;

/**
 * A module specifier the code names.
 *
 * @param start the string index of its literal in the code
 * @param end the string index after the literal
 * @param value the specifier, which is the URL in compiled code
 */
record Source(int start, int end, String value) {
}

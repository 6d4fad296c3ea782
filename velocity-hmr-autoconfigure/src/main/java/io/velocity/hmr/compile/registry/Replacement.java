package io.velocity.hmr.compile.registry;

/**
 * A range of the code to write over.
 *
 * @param start its string index
 * @param end the string index after it
 * @param text the text to write
 */
public record Replacement(int start, int end, String text) {
}

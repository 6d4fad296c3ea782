package io.velocity.hmr.compile.jsx;

/**
 * A module's text with its JSX compiled, and the way back to the source.
 *
 * @param code the text, still TypeScript where the source was, without JSX
 * @param positions maps positions in {@code code} to positions in the source
 */
public record JsxOutput(String code, JsxPositions positions) {

}

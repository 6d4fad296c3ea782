package io.velocity.hmr.compile.jsx;

import java.util.List;

/**
 * A module's text with its JSX compiled, and the way back to the source.
 *
 * @param code the text, still TypeScript where the source was, without JSX
 * @param positions maps positions in {@code code} to positions in the source
 * @param helpers the names {@code code} imports from {@link JsxTransform#HELPERS_MODULE},
 * in the one import it ends with
 * @param evaluatedAtTopLevel whether some JSX is outside every function, so that the
 * module runs compiled JSX as it loads: then the code's top level differs from the
 * source's
 */
public record JsxOutput(String code, JsxPositions positions, List<String> helpers, boolean evaluatedAtTopLevel) {

}

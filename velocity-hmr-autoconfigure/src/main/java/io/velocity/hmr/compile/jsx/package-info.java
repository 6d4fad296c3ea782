/**
 * Solid's JSX semantics, compiled in Java on swc4j's syntax tree: each outermost JSX
 * expression of a {@code .tsx}/{@code .jsx} module is replaced, in the source text, by
 * JavaScript that clones a {@code <template>} and binds its dynamic parts with the
 * helpers of {@code velocity/web}; the rest of the text (TypeScript included) is left for
 * swc. {@link io.velocity.hmr.compile.jsx.JsxPositions} maps the rewritten text back to
 * the source, so that source maps compose. The rules are in {@code docs/jsx.md}.
 */
package io.velocity.hmr.compile.jsx;

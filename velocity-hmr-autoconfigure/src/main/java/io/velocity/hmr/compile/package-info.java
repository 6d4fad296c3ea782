/**
 * The compile service: TypeScript, TSX and JSX to browser ES modules through swc4j,
 * import rewriting, source maps, compile problems and, in hot mode, the hot module
 * replacement facts and code of each module.
 */
package io.velocity.hmr.compile;

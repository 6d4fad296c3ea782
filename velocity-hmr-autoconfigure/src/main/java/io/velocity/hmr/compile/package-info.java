/**
 * The compile service: TypeScript, TSX and JSX to browser ES modules through swc4j, import rewriting, source maps and compile problems.
 */
package io.velocity.hmr.compile;

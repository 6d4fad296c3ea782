/**
 * File watching over the source roots: ignore rules, suppression of identical saves and coalescing of bursts into one change set.
 */
package io.velocity.hmr.watch;

/**
 * The module graph: importers and importees of compiled modules, HMR boundaries and the
 * propagation of a change to them.
 */
package io.velocity.hmr.graph;

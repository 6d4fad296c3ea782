/**
 * The registry form of a compiled module, for bundled pages: what a module's syntax tree
 * says must change ({@link io.velocity.hmr.compile.registry.RegistryPlan}, read once from
 * the tree the analysis already parsed, or from a parse of the compiled code), and the
 * {@code __velocity_hmr__.define(url, function (__vr, __ve, __vm) {…})} statement written
 * from it for the import URLs of one version, at the cost of copying strings.
 */
package io.velocity.hmr.compile.registry;

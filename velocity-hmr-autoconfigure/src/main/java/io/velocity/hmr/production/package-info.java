/**
 * Production serving of a front end that the build step compiled: the
 * {@link io.velocity.hmr.production.BuildManifest manifest} it wrote, the fingerprinted
 * files it names (cached for good, precompressed), the source URLs that still lead to
 * them, and HTML pages pointed at them with their preload hints. Nothing here compiles,
 * so no native library is loaded.
 */
package io.velocity.hmr.production;

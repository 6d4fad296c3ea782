/**
 * Pre-bundling of packages for development: an entry that fans out into many modules is
 * served as one, built once per package version and kept on disk across restarts.
 */
package io.velocity.hmr.bundle;

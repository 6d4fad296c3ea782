/**
 * Bundled development pages: a page's entry and its static import graph served in one
 * response, every module wrapped in a module registry, while hot updates stay per module.
 */
package io.velocity.hmr.registry;

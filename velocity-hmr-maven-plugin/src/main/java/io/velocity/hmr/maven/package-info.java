/**
 * The Maven goals of the production build: {@code build} runs
 * {@link io.velocity.hmr.build.FrontEndBuild} at {@code prepare-package}, {@code types}
 * writes the TypeScript declarations at {@code generate-resources}.
 */
package io.velocity.hmr.maven;

/**
 * The production build: the front end reachable from the pages' module scripts (and
 * configured entries) compiled as the server compiles it, bundled, split, minified and
 * fingerprinted by esbuild, precompressed, and described by a
 * {@link io.velocity.hmr.production.BuildManifest manifest} that the server reads. Runs
 * at package time, from the Maven plugin or any build tool that can run a Java main class
 * ({@link io.velocity.hmr.build.FrontEndBuild}); never inside the application.
 */
package io.velocity.hmr.build;

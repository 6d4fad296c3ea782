/**
 * npm packages without npm: finding them (mvnpm and WebJars jars on the classpath, a
 * project's {@code node_modules}), resolving bare specifiers as Node and Vite do
 * ({@code package.json} {@code exports} with conditions and subpath patterns, then
 * {@code module}, then {@code main}), the versioned URLs they are served under, and
 * {@code tsconfig.json} path aliases. Pure Java: nothing here compiles or runs code.
 */
package io.velocity.hmr.resolve;

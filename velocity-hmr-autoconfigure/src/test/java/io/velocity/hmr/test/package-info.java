/**
 * Support for tests that drive a real Chromium through Playwright (the JUnit extension,
 * launch settings, console capture and classpath routes) and for tests that run servers
 * in Docker containers (images, host networking, and skipping without an engine). Shared
 * with the sample app's tests through the test jar.
 */
package io.velocity.hmr.test;

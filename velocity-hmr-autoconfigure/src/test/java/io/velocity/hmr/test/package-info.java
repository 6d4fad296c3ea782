/**
 * Support for tests that drive a real Chromium through Playwright: the JUnit extension,
 * launch settings, console capture and classpath routes. Shared with the sample app's
 * tests through the test jar.
 */
package io.velocity.hmr.test;

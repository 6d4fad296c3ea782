/**
 * Spring Security: request matchers of the development endpoints and of the front end,
 * for a page behind a login to load and hot-update. Used only when Spring Security is on
 * the classpath.
 */
package io.velocity.hmr.security;

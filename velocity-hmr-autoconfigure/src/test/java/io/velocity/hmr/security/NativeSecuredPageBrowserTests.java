package io.velocity.hmr.security;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link SecuredPageBrowserTests} on native-module pages
 * ({@code velocity.hmr.bundle.enabled=false}): each module is a request of its own, and
 * none may be sent to the login page.
 */
@TestPropertySource(properties = "velocity.hmr.bundle.enabled=false")
class NativeSecuredPageBrowserTests extends SecuredPageBrowserTests {

}

package io.velocity.sample;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link NoncePolicyBrowserTests} on bundled pages ({@code velocity.hmr.bundle.enabled}):
 * a page served as one bundle must behave as the same page served module by module.
 */
@TestPropertySource(properties = "velocity.hmr.bundle.enabled=true")
class BundledNoncePolicyBrowserTests extends NoncePolicyBrowserTests {

}

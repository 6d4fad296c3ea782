package io.velocity.sample;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link HotModuleReplacementBrowserTests} on native-module pages
 * ({@code velocity.hmr.bundle.enabled=false}): a page served module by module must behave
 * as the same page served as one bundle, the default.
 */
@TestPropertySource(properties = "velocity.hmr.bundle.enabled=false")
class NativeHotModuleReplacementBrowserTests extends HotModuleReplacementBrowserTests {

}

package io.velocity.hmr.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a browser test's page throw uncaught errors, which {@link BrowserExtension}
 * otherwise fails the test for: for tests that provoke one on purpose.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowPageErrors {

}

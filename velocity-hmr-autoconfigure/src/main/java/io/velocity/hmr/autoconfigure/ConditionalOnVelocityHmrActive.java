package io.velocity.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * {@link Conditional @Conditional} that matches when hot module replacement is active:
 * Spring WebSocket is on the classpath, and {@code velocity.hmr.enabled=true} or one of
 * {@code velocity.hmr.profiles} is active and {@code velocity.hmr.enabled} is not
 * {@code false}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnVelocityHmrActiveCondition.class)
public @interface ConditionalOnVelocityHmrActive {

}

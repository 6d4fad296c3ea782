package io.velocity.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * {@link Conditional @Conditional} that matches when hot module replacement is not
 * active, as in production: the opposite of {@link ConditionalOnVelocityHmrActive}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnVelocityHmrActiveCondition.class)
public @interface ConditionalOnVelocityHmrInactive {

}

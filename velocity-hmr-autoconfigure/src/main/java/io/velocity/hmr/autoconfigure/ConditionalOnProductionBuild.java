package io.velocity.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the front end is served from the production build: hot module replacement
 * is off, the build's manifest is on the classpath and
 * {@code velocity.hmr.production.enabled} is not {@code false}. With
 * {@code value = false}, matches exactly when that is not so.
 *
 * @see OnProductionBuildCondition
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnProductionBuildCondition.class)
public @interface ConditionalOnProductionBuild {

	/**
	 * Whether the build must be in use (the default) or not.
	 * @return whether it must be in use
	 */
	boolean value() default true;

}

package io.velocity.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when swc4j, the compiler that {@code velocity-hmr-devtools} brings, is on the
 * classpath (or, with {@code false}, when it is not). Unlike {@code @ConditionalOnClass}
 * it looks for the class file without loading the class, so a production app that serves
 * its build loads no class of the compiler at all.
 *
 * @author Velocity HMR
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnCompilerCondition.class)
@interface ConditionalOnCompiler {

	/**
	 * Whether the compiler must be present ({@code true}) or absent.
	 * @return whether the compiler must be present
	 */
	boolean value() default true;

}

package io.velocity.hmr.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers, and skips it elsewhere: a
 * developer without Docker still runs every other test. Where the environment variable
 * {@value DockerCondition#REQUIRED_VARIABLE} is {@code true}, as in CI, a missing engine
 * fails the class instead, so that container tests cannot silently stop running.
 *
 * @author Velocity HMR
 * @see Containers
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerCondition.class)
public @interface EnabledWithDocker {

}

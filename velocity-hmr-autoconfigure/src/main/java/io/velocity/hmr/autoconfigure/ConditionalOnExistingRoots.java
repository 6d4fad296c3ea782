package io.velocity.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.annotation.Conditional;

/**
 * {@link Conditional @Conditional} that matches when at least one of the configured
 * directories of a kind exists on disk: there is something to watch.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnExistingRootsCondition.class)
@interface ConditionalOnExistingRoots {

	/**
	 * The kind of directories.
	 * @return the kind
	 */
	Roots value();

	/**
	 * The kinds of directories Velocity HMR watches.
	 */
	enum Roots {

		/**
		 * The front-end source roots ({@code velocity.hmr.source-roots}).
		 */
		SOURCE("velocity.hmr.source-roots", VelocityHmrProperties::getSourceRoots),

		/**
		 * The directories of server-rendered pages ({@code velocity.hmr.reload-roots}).
		 */
		RELOAD("velocity.hmr.reload-roots", VelocityHmrProperties::getReloadRoots);

		final String property;

		final Function<VelocityHmrProperties, List<String>> defaults;

		Roots(String property, Function<VelocityHmrProperties, List<String>> defaults) {
			this.property = property;
			this.defaults = defaults;
		}

	}

}

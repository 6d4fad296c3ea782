package io.velocity.hmr.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.production.BuildManifest;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Decides whether the front end is served from the production build, and says why in the
 * condition evaluation report. In development the build's output in
 * {@code target/classes} is ignored: the sources are served as they are saved.
 *
 * @see ConditionalOnProductionBuild
 */
class OnProductionBuildCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionOutcome outcome = outcome(context);
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnProductionBuild.class.getName());
		boolean wanted = attributes == null || Boolean.TRUE.equals(attributes.get("value"));
		return wanted ? outcome : new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
	}

	private static ConditionOutcome outcome(ConditionContext context) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Velocity production build");
		String missing = missingReason(context.getEnvironment(), context.getClassLoader());
		return (missing != null) ? ConditionOutcome.noMatch(message.because(missing))
				: ConditionOutcome.match(message.because("found " + BuildManifest.LOCATION));
	}

	/**
	 * Say why the front end is not served from a production build.
	 * @param environment the environment
	 * @param classLoader where the build would be
	 * @return why, or {@code null} when it is served from the build
	 */
	static @Nullable String missingReason(Environment environment, @Nullable ClassLoader classLoader) {
		if (OnVelocityHmrActiveCondition.isActive(environment)) {
			return "hot module replacement is active";
		}
		if (!environment.getProperty("velocity.hmr.production.enabled", Boolean.class, true)) {
			return "velocity.hmr.production.enabled is false";
		}
		if (!new ClassPathResource(BuildManifest.LOCATION, classLoader).exists()) {
			return "no " + BuildManifest.LOCATION + " on the classpath";
		}
		return null;
	}

}

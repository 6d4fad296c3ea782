package io.velocity.hmr.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Decides whether hot module replacement is active, and says why in the condition
 * evaluation report, as DevTools does for restarts.
 *
 * @see ConditionalOnVelocityHmrActive
 * @see ConditionalOnVelocityHmrInactive
 */
class OnVelocityHmrActiveCondition extends SpringBootCondition {

	private static final List<String> DEFAULT_PROFILES = List.of("dev");

	// The socket that carries updates needs Spring WebSocket; without it, nothing is hot.
	private static final String WEB_SOCKET_CONFIGURER = "org.springframework.web.socket.config.annotation.WebSocketConfigurer";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionOutcome outcome = outcome(context.getEnvironment(), context.getClassLoader());
		boolean wanted = metadata.isAnnotated(ConditionalOnVelocityHmrActive.class.getName());
		return wanted ? outcome : new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
	}

	static boolean isActive(Environment environment) {
		return outcome(environment, OnVelocityHmrActiveCondition.class.getClassLoader()).isMatch();
	}

	private static ConditionOutcome outcome(Environment environment, @Nullable ClassLoader classLoader) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Velocity HMR");
		if (!ClassUtils.isPresent(WEB_SOCKET_CONFIGURER, classLoader)) {
			return ConditionOutcome.noMatch(message.because("spring-websocket is not on the classpath"));
		}
		Boolean enabled = environment.getProperty("velocity.hmr.enabled", Boolean.class);
		if (Boolean.FALSE.equals(enabled)) {
			return ConditionOutcome.noMatch(message.because("velocity.hmr.enabled is false"));
		}
		if (Boolean.TRUE.equals(enabled)) {
			return ConditionOutcome.match(message.because("velocity.hmr.enabled is true"));
		}
		List<String> profiles = PropertyLists.get(environment, "velocity.hmr.profiles").orElse(DEFAULT_PROFILES);
		for (String profile : environment.getActiveProfiles()) {
			if (profiles.contains(profile)) {
				return ConditionOutcome.match(message.because("profile '" + profile + "' is active"));
			}
		}
		return ConditionOutcome.noMatch(
				message.because("none of the profiles " + profiles + " is active and velocity.hmr.enabled is not set"));
	}

}

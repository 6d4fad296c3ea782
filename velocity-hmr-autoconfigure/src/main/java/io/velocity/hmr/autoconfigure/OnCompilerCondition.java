package io.velocity.hmr.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Looks for swc4j's class file, never loading it.
 *
 * @see ConditionalOnCompiler
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OnCompilerCondition extends SpringBootCondition {

	private static final String COMPILER_CLASS_FILE = VelocityHmrAutoConfiguration.COMPILER_CLASS.replace('.', '/')
			+ ".class";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnCompiler.class.getName());
		boolean wanted = attributes == null || Boolean.TRUE.equals(attributes.get("value"));
		boolean present = new ClassPathResource(COMPILER_CLASS_FILE, context.getClassLoader()).exists();
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCompiler.class);
		ConditionMessage because = present ? message.found("compiler class").items(COMPILER_CLASS_FILE)
				: message.didNotFind("compiler class").items(COMPILER_CLASS_FILE);
		return (present == wanted) ? ConditionOutcome.match(because) : ConditionOutcome.noMatch(because);
	}

}

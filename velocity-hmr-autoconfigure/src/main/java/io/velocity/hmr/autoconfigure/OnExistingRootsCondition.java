package io.velocity.hmr.autoconfigure;

import java.util.List;

import io.velocity.hmr.autoconfigure.ConditionalOnExistingRoots.Roots;
import io.velocity.hmr.source.SourceRoots;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one configured directory of a kind exists.
 *
 * @see ConditionalOnExistingRoots
 */
class OnExistingRootsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Roots roots = (Roots) metadata.getAnnotationAttributes(ConditionalOnExistingRoots.class.getName()).get("value");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnExistingRoots.class,
				roots.property);
		List<String> directories = PropertyLists.get(context.getEnvironment(), roots.property)
			.orElseGet(() -> roots.defaults.apply(new VelocityHmrProperties()));
		SourceRoots resolved = SourceRoots.of(directories);
		if (!resolved.existing().isEmpty()) {
			return ConditionOutcome.match(message.found("directory").items(resolved.existing()));
		}
		return ConditionOutcome.noMatch(message.didNotFind("directory").items(resolved.missing()));
	}

}

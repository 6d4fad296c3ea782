package io.velocity.hmr.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one configured source root exists on disk: there is something to
 * watch. (Without one, modules are served from the classpath and never change.)
 */
class OnSourceRootsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Velocity HMR source roots");
		List<String> roots = Binder.get(context.getEnvironment())
			.bind("velocity.hmr.source-roots", Bindable.listOf(String.class))
			.orElse(new VelocityHmrProperties().getSourceRoots());
		for (String root : roots) {
			if (Files.isDirectory(Path.of(root))) {
				return ConditionOutcome.match(message.found("source root").items(root));
			}
		}
		return ConditionOutcome.noMatch(message.didNotFind("source root").items(roots));
	}

}

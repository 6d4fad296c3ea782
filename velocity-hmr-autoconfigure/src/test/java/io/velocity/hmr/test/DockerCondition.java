package io.velocity.hmr.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.testcontainers.DockerClientFactory;

/**
 * The condition of {@link EnabledWithDocker}. Whether Docker answers is asked once per
 * run: without an engine, asking takes a while.
 *
 * @author Velocity HMR
 */
final class DockerCondition implements ExecutionCondition {

	/**
	 * The environment variable that, set to {@code true}, makes a missing Docker engine
	 * an error.
	 */
	static final String REQUIRED_VARIABLE = "VELOCITY_REQUIRE_DOCKER";

	private static final Namespace NAMESPACE = Namespace.create(DockerCondition.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		boolean available = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent("available", (key) -> DockerClientFactory.instance().isDockerAvailable(), Boolean.class);
		if (available) {
			return ConditionEvaluationResult.enabled("a Docker engine answers");
		}
		if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
			throw new IllegalStateException("No Docker engine answers, and " + REQUIRED_VARIABLE
					+ "=true requires container tests to run: start one (.ci/docker-images does)");
		}
		return ConditionEvaluationResult.disabled("No Docker engine answers: container tests skipped");
	}

}

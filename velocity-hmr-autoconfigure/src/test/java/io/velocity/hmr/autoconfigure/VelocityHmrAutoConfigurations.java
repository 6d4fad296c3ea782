package io.velocity.hmr.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/**
 * The starter's auto-configurations as an application gets them: those its
 * {@code AutoConfiguration.imports} registers, so that tests see a feature's
 * auto-configuration that is missing from the file, and the order Spring Boot sorts them
 * in.
 */
final class VelocityHmrAutoConfigurations {

	private VelocityHmrAutoConfigurations() {
	}

	/**
	 * Every auto-configuration of the starter.
	 * @return the auto-configurations
	 */
	static AutoConfigurations all() {
		return AutoConfigurations.of(classes().toArray(Class<?>[]::new));
	}

	/**
	 * Every auto-configuration of the starter but the given ones, as
	 * {@code spring.autoconfigure.exclude} leaves them.
	 * @param excluded the auto-configurations left out
	 * @return the others
	 */
	static AutoConfigurations allBut(Class<?>... excluded) {
		List<Class<?>> excludedClasses = List.of(excluded);
		return AutoConfigurations
			.of(classes().stream().filter((type) -> !excludedClasses.contains(type)).toArray(Class<?>[]::new));
	}

	static List<Class<?>> classes() {
		ClassLoader classLoader = VelocityHmrAutoConfigurations.class.getClassLoader();
		return ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith(VelocityHmrAutoConfiguration.class.getPackageName() + "."))
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toList();
	}

}

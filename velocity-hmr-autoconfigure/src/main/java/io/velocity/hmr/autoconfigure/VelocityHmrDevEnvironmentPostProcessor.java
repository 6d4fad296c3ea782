package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.velocity.hmr.source.SourceRoots;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Development defaults while hot module replacement is active, added last so that any
 * property the application sets wins:
 * <ul>
 * <li>static pages and Thymeleaf templates are served from their source directories, so
 * an edit shows on the reload it triggers, without a build;</li>
 * <li>front-end sources copied to the classpath (by an IDE's build) never restart the
 * application under DevTools: hot module replacement handles them.</li>
 * </ul>
 */
public class VelocityHmrDevEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String PROPERTY_SOURCE_NAME = "velocityHmrDevDefaults";

	private static final String STATIC_LOCATIONS = "classpath:/META-INF/resources/,classpath:/resources/,"
			+ "classpath:/static/,classpath:/public/";

	@Override
	public int getOrder() {
		// After the config data, so the active profiles are known.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!OnVelocityHmrActiveCondition.isActive(environment)) {
			return;
		}
		VelocityHmrProperties defaults = new VelocityHmrProperties();
		List<String> reloadRoots = PropertyLists.get(environment, "velocity.hmr.reload-roots")
			.orElse(defaults.getReloadRoots());
		String classpathLocation = environment.getProperty("velocity.hmr.classpath-location",
				defaults.getClasspathLocation());
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Path directory : SourceRoots.of(reloadRoots).existing()) {
			String location = directory.toUri().toString();
			if (directory.endsWith("templates") && isPresent("org.thymeleaf.spring6.SpringTemplateEngine")) {
				properties.put("spring.thymeleaf.prefix", location);
				properties.put("spring.thymeleaf.cache", "false");
			}
			else if (directory.endsWith("static")) {
				properties.put("spring.web.resources.static-locations", location + "," + STATIC_LOCATIONS);
			}
		}
		if (classpathLocation.startsWith("classpath:/")) {
			properties.put("spring.devtools.restart.additional-exclude",
					classpathLocation.substring("classpath:/".length()) + "**");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, VelocityHmrDevEnvironmentPostProcessor.class.getClassLoader());
	}

}

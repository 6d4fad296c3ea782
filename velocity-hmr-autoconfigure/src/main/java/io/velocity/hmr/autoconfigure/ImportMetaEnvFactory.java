package io.velocity.hmr.autoconfigure;

import java.util.Map;
import java.util.TreeMap;

import io.velocity.hmr.compile.ImportMetaEnv;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Builds {@link ImportMetaEnv} from the environment: development when hot module
 * replacement is active, the servlet context path as {@code BASE_URL}, and exactly the
 * properties under the configured prefix, so nothing reaches the browser that was not put
 * there for it.
 */
final class ImportMetaEnvFactory {

	private ImportMetaEnvFactory() {
	}

	static ImportMetaEnv create(String prefix, Environment environment) {
		Map<String, String> exposed = new TreeMap<>();
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source instanceof EnumerablePropertySource<?> enumerable) {
					for (String name : enumerable.getPropertyNames()) {
						if (name.startsWith(prefix) && name.length() > prefix.length()) {
							String value = environment.getProperty(name);
							if (value != null) {
								exposed.putIfAbsent(name.substring(prefix.length()), value);
							}
						}
					}
				}
			}
		}
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		String baseUrl = contextPath.endsWith("/") ? contextPath : contextPath + "/";
		return ImportMetaEnv.of(OnVelocityHmrActiveCondition.isActive(environment), baseUrl, exposed);
	}

}

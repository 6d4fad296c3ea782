package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.production.BuildManifest;
import io.velocity.hmr.production.BuiltFileRequestHandler;
import io.velocity.hmr.production.ManifestHtmlTransform;
import io.velocity.hmr.production.SourceUrlRequestHandler;
import io.velocity.hmr.source.ClasspathModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@link AutoConfiguration Auto-configuration} of the production front end once it is
 * built ({@code velocity-hmr-maven-plugin}): files served from the build's manifest,
 * pages pointed at them. Nothing compiles, so neither swc nor any native library is
 * loaded, and {@link VelocityHmrAutoConfiguration} backs off. Without a build, production
 * compiles on request as before, with a warning that recommends the build.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(VelocityHmrProperties.class)
public final class VelocityHmrProductionAutoConfiguration {

	/**
	 * Serving from the build.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProductionBuild
	static class BuildConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BuildManifest velocityHmrBuildManifest(ResourceLoader resourceLoader) {
			ClassPathResource resource = new ClassPathResource(BuildManifest.LOCATION, resourceLoader.getClassLoader());
			try (InputStream input = resource.getInputStream()) {
				return BuildManifest.read(input);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + BuildManifest.LOCATION + ": " + ex.getMessage(), ex);
			}
		}

		@Bean
		@ConditionalOnMissingBean
		ModuleUrls velocityHmrModuleUrls(VelocityHmrProperties properties) {
			return new ModuleUrls(properties.getPath());
		}

		@Bean
		@ConditionalOnMissingBean
		BuiltFileRequestHandler velocityHmrBuiltFileRequestHandler(BuildManifest manifest,
				ResourceLoader resourceLoader) {
			return new BuiltFileRequestHandler(manifest, resourceLoader.getClassLoader());
		}

		@Bean
		@ConditionalOnMissingBean
		SourceUrlRequestHandler velocityHmrSourceUrlRequestHandler(BuildManifest manifest, ModuleUrls urls,
				VelocityHmrProperties properties, ResourceLoader resourceLoader) {
			return new SourceUrlRequestHandler(manifest, urls,
					new ClasspathModuleSources(resourceLoader, properties.getClasspathLocation()));
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrHandlerMapping")
		SimpleUrlHandlerMapping velocityHmrHandlerMapping(VelocityHmrProperties properties,
				BuiltFileRequestHandler builtFiles, SourceUrlRequestHandler sourceUrls) {
			Map<String, Object> handlers = new HashMap<>();
			handlers.put(BuildManifest.URL_PREFIX + "**", builtFiles);
			handlers.put(properties.getPath() + "/**", sourceUrls);
			// The runtime at its own URLs, for a script the build did not see (inline).
			handlers.put(ClientAssetRequestHandler.PATH + "/**", new ClientAssetRequestHandler(null));
			return new SimpleUrlHandlerMapping(handlers, VelocityHmrAutoConfiguration.HANDLER_MAPPING_ORDER);
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrHtmlFilter")
		FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrHtmlFilter(BuildManifest manifest) {
			FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
					new HtmlScriptInjectionFilter(new ManifestHtmlTransform(manifest)));
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

	/**
	 * No build: say once that production compiles on request, and what to do instead.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrInactive
	@ConditionalOnProductionBuild(false)
	@ConditionalOnCompiler
	static class NoBuildConfiguration {

		@Bean
		InitializingBean velocityHmrNoBuildWarning() {
			return () -> LogFactory.getLog(VelocityHmrProductionAutoConfiguration.class)
				.warn("Velocity HMR compiles the front end on request in this profile (no " + BuildManifest.LOCATION
						+ " on the classpath, or velocity.hmr.production.enabled=false): unminified, one request "
						+ "per module, with swc's native library loaded. Build it when packaging with "
						+ "velocity-hmr-maven-plugin's 'build' goal (docs/production.md)");
		}

	}

	/**
	 * Neither a build nor the compiler (a jar that left velocity-hmr-devtools out and was
	 * not built): stop the start, rather than serve a page whose scripts all fail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProductionBuild(false)
	@ConditionalOnCompiler(false)
	static class NoCompilerConfiguration {

		@Bean
		InitializingBean velocityHmrCompilerCheck(Environment environment, ResourceLoader resourceLoader) {
			return () -> {
				throw new MissingCompilerException(String
					.valueOf(OnProductionBuildCondition.missingReason(environment, resourceLoader.getClassLoader())));
			};
		}

	}

}

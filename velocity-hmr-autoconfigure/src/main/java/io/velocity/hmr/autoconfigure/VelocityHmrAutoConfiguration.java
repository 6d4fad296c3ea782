package io.velocity.hmr.autoconfigure;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;
import io.velocity.hmr.web.ModuleRequestHandler;

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
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@link AutoConfiguration Auto-configuration} for Velocity HMR. Front-end modules are
 * served, compiled in the JVM, in every profile; the hot module replacement parts are
 * only there while {@link ConditionalOnVelocityHmrActive HMR is active}.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(VelocityHmrProperties.class)
public final class VelocityHmrAutoConfiguration {

	/**
	 * Order of the handler mapping for modules and client assets: after the application's
	 * own request mappings (order 0), before static resources.
	 */
	static final int HANDLER_MAPPING_ORDER = 1;

	@Bean
	@ConditionalOnMissingBean
	ModuleUrls velocityHmrModuleUrls(VelocityHmrProperties properties) {
		return new ModuleUrls(properties.getPath());
	}

	@Bean
	@ConditionalOnMissingBean
	ModuleSources velocityHmrModuleSources(VelocityHmrProperties properties, Environment environment,
			ResourceLoader resourceLoader) {
		return ModuleSourcesFactory.create(properties, OnVelocityHmrActiveCondition.isActive(environment),
				resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	ModuleCompiler velocityHmrModuleCompiler(ModuleSources sources, ModuleUrls urls) {
		return new ModuleCompiler(sources, urls);
	}

	@Bean
	@ConditionalOnMissingBean
	CompileService velocityHmrCompileService(ModuleSources sources, ModuleCompiler compiler) {
		CompileService compileService = new CompileService(sources, compiler);
		// swc4j's native library takes a few hundred milliseconds to load: do it now, beside
		// the rest of start-up, rather than on the first request.
		Thread warmUp = new Thread(compileService::warmUp, "velocity-hmr-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
		return compileService;
	}

	@Bean
	@ConditionalOnMissingBean
	ModuleRequestHandler velocityHmrModuleRequestHandler(ModuleSources sources, ModuleUrls urls,
			CompileService compileService) {
		return new ModuleRequestHandler(sources, urls, compileService);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAssetRequestHandler velocityHmrClientAssetRequestHandler(Environment environment) {
		return new ClientAssetRequestHandler(OnVelocityHmrActiveCondition.isActive(environment));
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrHandlerMapping")
	SimpleUrlHandlerMapping velocityHmrHandlerMapping(VelocityHmrProperties properties,
			ModuleRequestHandler moduleRequestHandler, ClientAssetRequestHandler clientAssetRequestHandler) {
		return new SimpleUrlHandlerMapping(Map.of(properties.getPath() + "/**", moduleRequestHandler,
				ClientAssetRequestHandler.PATH + "/**", clientAssetRequestHandler), HANDLER_MAPPING_ORDER);
	}

	/**
	 * The hot module replacement parts, only while HMR is active.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class HmrConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrScriptInjectionFilter")
		FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrScriptInjectionFilter() {
			FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
					new HtmlScriptInjectionFilter());
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
			// Outside the application's own filters, so headers they set (a CSP nonce) are seen.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}

package io.velocity.hmr.autoconfigure;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.registry.BundleEntryTags;
import io.velocity.hmr.registry.BundleRequestHandler;
import io.velocity.hmr.registry.HotUpdateDefinitions;
import io.velocity.hmr.registry.PageBundler;
import io.velocity.hmr.registry.RegistryWriter;
import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Bundled development pages ({@code velocity.hmr.bundle.enabled}): a page's entry and its
 * static import graph come in one response, as modules of a registry, and hot updates
 * stay per module. Present only with the core and the socket, as the client script is
 * ({@link VelocityHmrScriptInjectionAutoConfiguration}), whose filter it replaces with
 * one that points entries at their bundle and preloads the client and runtime instead of
 * the graph: without them a page is served as it is, unbundled. On by default, as it
 * loads a large page several times faster; {@code velocity.hmr.bundle.enabled=false}
 * serves pages as native modules, one request per module.
 */
@AutoConfiguration(after = { VelocityHmrAutoConfiguration.class, VelocityHmrServerAutoConfiguration.class },
		before = VelocityHmrScriptInjectionAutoConfiguration.class)
@ConditionalOnBean({ VelocityHmrAutoConfiguration.class, HmrToken.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnCompiler
@ConditionalOnProductionBuild(false)
@ConditionalOnVelocityHmrActive
@ConditionalOnBooleanProperty(name = "velocity.hmr.bundle.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ VelocityHmrBundleProperties.class, VelocityHmrProperties.class })
public final class VelocityHmrBundleAutoConfiguration {

	/** Before the handler mapping of the client assets, whose pattern also matches. */
	static final int HANDLER_MAPPING_ORDER = VelocityHmrAutoConfiguration.HANDLER_MAPPING_ORDER - 1;

	@Bean
	@ConditionalOnMissingBean
	PageBundler velocityHmrPageBundler(CompileService compileService, ModuleUrls urls, ModuleGraph graph,
			ObjectProvider<ModuleCompiler> compiler) {
		PageBundler bundler = new PageBundler(compileService, urls, graph, new RegistryWriter(compileService));
		ModuleCompiler moduleCompiler = compiler.getIfUnique();
		if (moduleCompiler != null) {
			bundler.setAnalysisCache(moduleCompiler.getAnalysisCache());
			// Modules are written in registry form from the trees their analyses parse.
			moduleCompiler.setRegistryPlans(true);
		}
		return bundler;
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrBundlePrefetch")
	ApplicationListener<ApplicationReadyEvent> velocityHmrBundlePrefetch(PageBundler bundler) {
		// Once ready, as the compiler's warm-up: not on the start-up's critical path.
		return (event) -> bundler.prefetchKeptEntries();
	}

	@Bean
	@ConditionalOnMissingBean
	HotUpdateDefinitions velocityHmrHotUpdateDefinitions(PageBundler bundler, CompileService compileService) {
		return new HotUpdateDefinitions(bundler, new RegistryWriter(compileService));
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrBundleHandlerMapping")
	SimpleUrlHandlerMapping velocityHmrBundleHandlerMapping(PageBundler bundler) {
		return new SimpleUrlHandlerMapping(Map.of(BundleRequestHandler.PATH, new BundleRequestHandler(bundler)),
				HANDLER_MAPPING_ORDER);
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrScriptInjectionFilter")
	FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrScriptInjectionFilter(VelocityHmrProperties properties,
			PageBundler bundler) {
		FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
				new HtmlScriptInjectionFilter(new BundleEntryTags(properties.getPath(),
						HtmlScriptInjectionFilter.clientScript(null), bundler)));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}

package io.velocity.hmr.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.autoconfigure.ConditionalOnExistingRoots.Roots;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessageCodec;
import io.velocity.hmr.server.ChangeClassifier;
import io.velocity.hmr.server.HmrBroadcaster;
import io.velocity.hmr.server.HmrHandshakeInterceptor;
import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.server.HmrWebSocketConfigurer;
import io.velocity.hmr.server.HmrWebSocketHandler;
import io.velocity.hmr.server.HotUpdatePipeline;
import io.velocity.hmr.server.PageReloader;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.watch.WatchSettings;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;
import io.velocity.hmr.web.ModulePreloads;
import io.velocity.hmr.web.ModuleRequestHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

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
	ModuleCompiler velocityHmrModuleCompiler(ModuleSources sources, ModuleUrls urls,
			ObjectProvider<ModuleGraph> graph) {
		ModuleGraph moduleGraph = graph.getIfAvailable();
		if (moduleGraph == null) {
			return new ModuleCompiler(sources, urls);
		}
		// Importers request a hot-updated module with its version stamp, so the browser
		// fetches the new code rather than reusing the module it has.
		return new ModuleCompiler(sources, urls, moduleGraph::stampedUrl, true);
	}

	@Bean
	@ConditionalOnMissingBean
	CompileService velocityHmrCompileService(ModuleSources sources, ModuleCompiler compiler) {
		CompileService compileService = new CompileService(sources, compiler);
		// swc4j's native library takes a few hundred milliseconds to load: do it now,
		// beside
		// the rest of start-up, rather than on the first request.
		Thread warmUp = new Thread(compileService::warmUp, "velocity-hmr-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
		return compileService;
	}

	@Bean
	@ConditionalOnMissingBean
	ModuleRequestHandler velocityHmrModuleRequestHandler(ModuleSources sources, ModuleUrls urls,
			CompileService compileService, ObjectProvider<ModuleGraph> graph) {
		ModuleGraph moduleGraph = graph.getIfAvailable();
		if (moduleGraph == null) {
			return new ModuleRequestHandler(sources, urls, compileService);
		}
		return new ModuleRequestHandler(sources, urls, compileService,
				(module) -> moduleGraph.record(module, urls.prefix()));
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAssetRequestHandler velocityHmrClientAssetRequestHandler(ObjectProvider<HmrClientSettings> settings) {
		return new ClientAssetRequestHandler(settings.getIfAvailable());
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
	@ConditionalOnClass(WebSocketConfigurer.class)
	@EnableWebSocket
	static class HmrConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModuleGraph velocityHmrModuleGraph() {
			return new ModuleGraph();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrToken velocityHmrToken() {
			return HmrToken.generate();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrMessageCodec velocityHmrMessageCodec() {
			return new HmrMessageCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrBroadcaster velocityHmrBroadcaster(HmrMessageCodec codec) {
			return new HmrBroadcaster(codec);
		}

		@Bean
		@ConditionalOnMissingBean
		HotUpdatePipeline velocityHmrUpdatePipeline(ModuleSources sources, ModuleUrls urls,
				CompileService compileService, ModuleGraph graph, HmrBroadcaster broadcaster) {
			return new HotUpdatePipeline(new ChangeClassifier(sources, urls, graph), compileService, graph, urls,
					broadcaster::broadcast);
		}

		@Bean
		@ConditionalOnMissingBean
		HmrWebSocketHandler velocityHmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec,
				HotUpdatePipeline pipeline) {
			return new HmrWebSocketHandler(broadcaster, codec, pipeline);
		}

		@Bean
		@ConditionalOnMissingBean
		HmrWebSocketConfigurer velocityHmrWebSocketConfigurer(HmrWebSocketHandler handler, HmrToken token,
				VelocityHmrProperties properties) {
			return new HmrWebSocketConfigurer(handler,
					new HmrHandshakeInterceptor(token, properties.getClient().getAllowedOrigins()));
		}

		@Bean
		@ConditionalOnMissingBean
		HmrClientSettings velocityHmrClientSettings(HmrToken token, HmrWebSocketHandler handler,
				VelocityHmrProperties properties) {
			VelocityHmrProperties.Client client = properties.getClient();
			return new HmrClientSettings(token.value(), handler.getInstanceId(), HmrWebSocketConfigurer.PATH,
					client.getHost(), client.getPort(), properties.isOverlay());
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrSourceWatcher")
		@ConditionalOnExistingRoots(Roots.SOURCE)
		SourceWatcher velocityHmrSourceWatcher(ModuleSources sources, VelocityHmrProperties properties,
				HotUpdatePipeline pipeline) {
			VelocityHmrProperties.Watch watch = properties.getWatch();
			return new SourceWatcher(new WatchSettings(sources.roots(), watch.getIgnore(), watch.getQuietPeriod()),
					pipeline);
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrPageWatcher")
		@ConditionalOnExistingRoots(Roots.RELOAD)
		SourceWatcher velocityHmrPageWatcher(VelocityHmrProperties properties, HmrBroadcaster broadcaster) {
			List<Path> roots = properties.getReloadRoots()
				.stream()
				.map(Path::of)
				.filter(Files::isDirectory)
				.map((root) -> root.toAbsolutePath().normalize())
				.toList();
			VelocityHmrProperties.Watch watch = properties.getWatch();
			return new SourceWatcher(new WatchSettings(roots, watch.getIgnore(), watch.getQuietPeriod()),
					new PageReloader(roots, broadcaster::broadcast));
		}

		@Bean
		@ConditionalOnMissingBean
		TypeDeclarationsWriter velocityHmrTypeDeclarationsWriter(VelocityHmrProperties properties) {
			return new TypeDeclarationsWriter(properties.getTypesDirectory());
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrScriptInjectionFilter")
		FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrScriptInjectionFilter(
				CompileService compileService, ModuleUrls urls) {
			// Preload hints let the browser fetch a page's module graph at once, not
			// level by level.
			FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
					new HtmlScriptInjectionFilter(new ModulePreloads(compileService, urls)));
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
			// Outside the application's own filters, so headers they set (a CSP nonce)
			// are seen.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}

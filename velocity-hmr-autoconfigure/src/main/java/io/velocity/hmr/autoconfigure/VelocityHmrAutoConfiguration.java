package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.velocity.hmr.autoconfigure.ConditionalOnExistingRoots.Roots;
import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.bundle.EsbuildBundler;
import io.velocity.hmr.bundle.PackageBundler;
import io.velocity.hmr.compile.CompileProblemListener;
import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.compile.PackageModules;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessageCodec;
import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PackageUrls;
import io.velocity.hmr.resolve.PathAliases;
import io.velocity.hmr.server.AllowedHosts;
import io.velocity.hmr.server.AllowedHostsFilter;
import io.velocity.hmr.server.HmrBroadcaster;
import io.velocity.hmr.server.HmrClientEvents;
import io.velocity.hmr.server.HmrHandshakeInterceptor;
import io.velocity.hmr.server.HmrInstanceId;
import io.velocity.hmr.server.HmrToken;
import io.velocity.hmr.server.HmrWebSocketConfigurer;
import io.velocity.hmr.server.HmrWebSocketHandler;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.source.ServedFiles;
import io.velocity.hmr.source.SourceRoots;
import io.velocity.hmr.update.HotUpdatePipeline;
import io.velocity.hmr.update.PageReloader;
import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.watch.WatchSettings;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.HtmlScriptInjectionFilter;
import io.velocity.hmr.web.ModulePreloads;
import io.velocity.hmr.web.ModuleRequestHandler;
import io.velocity.hmr.web.PackageRequestHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/**
 * {@link AutoConfiguration Auto-configuration} for Velocity HMR, one nested configuration
 * per feature. Front-end modules are served, compiled in the JVM, in every profile; the
 * hot module replacement features are only there while
 * {@link ConditionalOnVelocityHmrActive HMR is active}, and then the compiler writes hot
 * code. It backs off when the front end was built for production
 * ({@link VelocityHmrProductionAutoConfiguration}).
 *
 * @author Velocity HMR
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnCompiler
@ConditionalOnProductionBuild(false)
@EnableConfigurationProperties(VelocityHmrProperties.class)
public final class VelocityHmrAutoConfiguration {

	/**
	 * A class of swc4j, the compiler that velocity-hmr-devtools brings: without it
	 * nothing compiles (see VelocityHmrProductionAutoConfiguration).
	 */
	static final String COMPILER_CLASS = "com.caoccao.javet.swc4j.Swc4j";

	/**
	 * Order of the handler mapping for modules and client assets: after the application's
	 * own request mappings (order 0), before static resources.
	 */
	static final int HANDLER_MAPPING_ORDER = 1;

	/**
	 * Where modules are read from and the URLs they are served under, in every profile.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ModuleSourcesConfiguration {

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

		/**
		 * swc's native library, loaded as the application starts, on a thread of its own
		 * beside the rest of start-up: a directory it cannot load from stops the start
		 * (when {@link CompilerWarmUp} waits for the load) with a message saying what to
		 * change, rather than failing every request. An application that compiles nothing
		 * at run time (its modules compiled when it was packaged) defines its own bean to
		 * skip the load.
		 */
		@Bean
		@ConditionalOnMissingBean
		NativeLibrary velocityHmrNativeLibrary(VelocityHmrProperties properties) {
			return properties.getCompiler().nativeLibrary().loadInBackground();
		}

		@Bean
		@ConditionalOnMissingBean
		CompileService velocityHmrCompileService(ModuleSources sources, ModuleCompiler compiler) {
			return new CompileService(sources, compiler);
		}

		@Bean
		@ConditionalOnMissingBean
		CompilerWarmUp velocityHmrCompilerWarmUp(CompileService compileService,
				ObjectProvider<NativeLibrary> nativeLibrary) {
			return new CompilerWarmUp(compileService, nativeLibrary.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		ClientAssetRequestHandler velocityHmrClientAssetRequestHandler(ObjectProvider<HmrClientSettings> settings) {
			return new ClientAssetRequestHandler(settings.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrHandlerMapping")
		SimpleUrlHandlerMapping velocityHmrHandlerMapping(VelocityHmrProperties properties,
				ModuleRequestHandler moduleRequestHandler, ClientAssetRequestHandler clientAssetRequestHandler,
				ObjectProvider<PackageRequestHandler> packageRequestHandler) {
			Map<String, Object> handlers = new HashMap<>();
			handlers.put(properties.getPath() + "/**", moduleRequestHandler);
			handlers.put(ClientAssetRequestHandler.PATH + "/**", clientAssetRequestHandler);
			// The more specific pattern wins over the client assets' one.
			packageRequestHandler.ifAvailable((handler) -> handlers.put(PackageUrls.PREFIX + "**", handler));
			return new SimpleUrlHandlerMapping(handlers, HANDLER_MAPPING_ORDER);
		}

	}

	/**
	 * npm packages: found on the classpath (mvnpm, WebJars) and in node_modules, compiled
	 * and served at versioned URLs, pre-bundled in development when esbuild is there.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VelocityHmrPackagesProperties.class)
	static class PackagesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClasspathPackageIndex velocityHmrClasspathPackageIndex(VelocityHmrPackagesProperties properties,
				ResourceLoader resourceLoader) {
			return properties.isEnabled() ? ClasspathPackageIndex.lazy(resourceLoader.getClassLoader())
					: ClasspathPackageIndex.empty();
		}

		@Bean
		@ConditionalOnMissingBean
		PackageResolver velocityHmrPackageResolver(ClasspathPackageIndex index,
				VelocityHmrPackagesProperties properties) {
			return new PackageResolver(index, properties.isNodeModules());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnVelocityHmrActive
		@ConditionalOnBooleanProperty(name = "velocity.hmr.packages.prebundle", matchIfMissing = true)
		PackageBundler velocityHmrPackageBundler(ClasspathPackageIndex index,
				VelocityHmrPackagesProperties properties) {
			return EsbuildBundler.create(index, Path.of(properties.getCacheDirectory()), true);
		}

		@Bean
		@ConditionalOnMissingBean
		PackageModules velocityHmrPackageModules(PackageResolver resolver, ObjectProvider<PackageBundler> bundler,
				ImportMetaEnv env, Environment environment) {
			return new PackageModules(resolver, bundler.getIfAvailable(),
					OnVelocityHmrActiveCondition.isActive(environment), env);
		}

		@Bean
		@ConditionalOnMissingBean
		PackageRequestHandler velocityHmrPackageRequestHandler(PackageResolver resolver, PackageModules modules) {
			return new PackageRequestHandler(resolver, modules);
		}

	}

	/**
	 * What imports can name besides modules and the runtime: packages, tsconfig.json path
	 * aliases; and what import.meta.env holds.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ImportsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PackageImports velocityHmrPackageImports(VelocityHmrProperties properties,
				VelocityHmrPackagesProperties packagesProperties, PackageResolver resolver, PackageModules modules) {
			PathAliases aliases = PathAliases.read(Path.of(properties.getTsconfig()),
					SourceRoots.of(properties.getSourceRoots()).all());
			return packagesProperties.isEnabled() ? new PackageImports(resolver, modules, aliases)
					: new PackageImports(null, null, aliases);
		}

		@Bean
		@ConditionalOnMissingBean
		ImportMetaEnv velocityHmrImportMetaEnv(VelocityHmrProperties properties, Environment environment) {
			return ImportMetaEnvFactory.create(properties.getEnvPrefix(), environment);
		}

	}

	/**
	 * The compiler in the given mode, with the configured limits. swc's native library is
	 * set to load from the configured directory first, before any class of swc4j is
	 * touched.
	 */
	private static ModuleCompiler moduleCompiler(CompileMode mode, ModuleSources sources, ModuleUrls urls,
			PackageImports packages, ImportMetaEnv env, VelocityHmrProperties properties,
			ObjectProvider<NativeLibrary> nativeLibrary) {
		nativeLibrary.ifAvailable(NativeLibrary::getDirectory);
		return new ModuleCompiler(sources, urls, mode, packages, env, properties.getCompiler().limits());
	}

	/**
	 * Production compiling and serving: no hot code, no module graph.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrInactive
	static class ProductionModulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModuleCompiler velocityHmrModuleCompiler(ModuleSources sources, ModuleUrls urls, PackageImports packages,
				ImportMetaEnv env, VelocityHmrProperties properties, ObjectProvider<NativeLibrary> nativeLibrary) {
			return moduleCompiler(CompileMode.PRODUCTION, sources, urls, packages, env, properties, nativeLibrary);
		}

		@Bean
		@ConditionalOnMissingBean
		ModuleRequestHandler velocityHmrModuleRequestHandler(ModuleSources sources, ModuleUrls urls,
				CompileService compileService, VelocityHmrProperties properties) {
			ModuleRequestHandler handler = new ModuleRequestHandler(sources, urls, compileService);
			handler.setServedFiles(new ServedFiles(properties.getAssetTypes()));
			return handler;
		}

	}

	/**
	 * Hot compiling and serving: modules take part in hot updates, and the module graph
	 * records what pages load.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class HotModulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModuleCompiler velocityHmrModuleCompiler(ModuleSources sources, ModuleUrls urls, PackageImports packages,
				ImportMetaEnv env, VelocityHmrProperties properties, ObjectProvider<NativeLibrary> nativeLibrary) {
			ModuleCompiler compiler = moduleCompiler(CompileMode.HOT, sources, urls, packages, env, properties,
					nativeLibrary);
			String cacheDirectory = properties.getCompiler().getCacheDirectory();
			if (StringUtils.hasText(cacheDirectory)) {
				compiler.setAnalysisCache(new AnalysisCache(Path.of(cacheDirectory), compiler.fingerprint()));
			}
			return compiler;
		}

		@Bean
		@ConditionalOnMissingBean
		ModuleGraph velocityHmrModuleGraph() {
			return new ModuleGraph();
		}

		@Bean
		@ConditionalOnMissingBean
		ModuleRequestHandler velocityHmrModuleRequestHandler(ModuleSources sources, ModuleUrls urls,
				CompileService compileService, ModuleGraph graph, ObjectProvider<CompileProblemListener> problems,
				VelocityHmrProperties properties) {
			// The update pipeline, when there are source roots to watch, shows the
			// problems in the pages.
			CompileProblemListener listener = problems.getIfAvailable(() -> (problem) -> {
			});
			ModuleRequestHandler handler = new ModuleRequestHandler(sources, urls, compileService, graph, listener);
			handler.setServedFiles(new ServedFiles(properties.getAssetTypes()));
			return handler;
		}

	}

	/**
	 * The {@code /__hmr} socket that carries updates to the browsers.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	@EnableWebSocket
	static class HmrSocketConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrToken velocityHmrToken() {
			return HmrToken.generate();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrInstanceId velocityHmrInstanceId() {
			return HmrInstanceId.generate();
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
		HmrWebSocketHandler velocityHmrWebSocketHandler(HmrBroadcaster broadcaster, HmrMessageCodec codec,
				HmrInstanceId instanceId, ObjectProvider<HmrClientEvents> events) {
			return new HmrWebSocketHandler(broadcaster, codec, instanceId,
					events.getIfAvailable(() -> HmrClientEvents.NONE));
		}

		@Bean
		@ConditionalOnMissingBean
		HmrWebSocketConfigurer velocityHmrWebSocketConfigurer(HmrWebSocketHandler handler, HmrToken token,
				VelocityHmrProperties properties, AllowedHosts allowedHosts) {
			return new HmrWebSocketConfigurer(handler,
					new HmrHandshakeInterceptor(token, properties.getClient().getAllowedOrigins(), allowedHosts));
		}

	}

	/**
	 * The development endpoints answer only to the allowed hosts: no DNS rebinding.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class AllowedHostsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AllowedHosts velocityHmrAllowedHosts(VelocityHmrProperties properties) {
			return new AllowedHosts(properties.getAllowedHosts());
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrAllowedHostsFilter")
		FilterRegistrationBean<AllowedHostsFilter> velocityHmrAllowedHostsFilter(AllowedHosts allowedHosts,
				VelocityHmrProperties properties) {
			FilterRegistrationBean<AllowedHostsFilter> registration = new FilterRegistrationBean<>(
					new AllowedHostsFilter(allowedHosts));
			registration.addUrlPatterns(properties.getPath() + "/*", ClientAssetRequestHandler.PATH + "/*",
					HmrWebSocketConfigurer.PATH);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			// Before anything else, security included, looks at the request.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/**
	 * Hot updates of front-end modules: the pipeline from a saved file to the browsers,
	 * and the watcher over the source roots that feeds it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class HotUpdateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HotUpdatePipeline velocityHmrUpdatePipeline(ModuleSources sources, ModuleUrls urls,
				CompileService compileService, ModuleGraph graph, HmrBroadcaster broadcaster,
				VelocityHmrProperties properties) {
			return new HotUpdatePipeline(sources, urls, compileService, graph, broadcaster::broadcast,
					properties.isDebug());
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

	}

	/**
	 * Reloads of the open pages when a server-rendered page changes: what DevTools'
	 * LiveReload did.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	@ConditionalOnExistingRoots(Roots.RELOAD)
	static class PageReloadConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrPageWatcher")
		SourceWatcher velocityHmrPageWatcher(VelocityHmrProperties properties, HmrBroadcaster broadcaster) {
			SourceRoots roots = SourceRoots.of(properties.getReloadRoots());
			VelocityHmrProperties.Watch watch = properties.getWatch();
			return new SourceWatcher(new WatchSettings(roots.existing(), watch.getIgnore(), watch.getQuietPeriod()),
					new PageReloader(roots.existing(), broadcaster::broadcast));
		}

	}

	/**
	 * The client script in every HTML page, with its settings and the page's module
	 * preload hints.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class ScriptInjectionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrClientSettings velocityHmrClientSettings(HmrToken token, HmrInstanceId instanceId,
				VelocityHmrProperties properties) {
			VelocityHmrProperties.Client client = properties.getClient();
			return new HmrClientSettings(token.value(), instanceId.value(), HmrWebSocketConfigurer.PATH,
					client.getHost(), client.getPort(), properties.isOverlay(), properties.isDebug());
		}

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrScriptInjectionFilter")
		FilterRegistrationBean<HtmlScriptInjectionFilter> velocityHmrScriptInjectionFilter(
				CompileService compileService, ModuleUrls urls, ModuleGraph graph) {
			// Preload hints let the browser fetch a page's module graph at once, not
			// level by level.
			FilterRegistrationBean<HtmlScriptInjectionFilter> registration = new FilterRegistrationBean<>(
					new HtmlScriptInjectionFilter(new ModulePreloads(compileService, urls, graph)));
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
			// Outside the application's own filters, so headers they set (a CSP nonce)
			// are seen.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

	/**
	 * TypeScript declarations of the runtime for editors, written in development.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnVelocityHmrActive
	static class TypeDeclarationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TypeDeclarationsWriter velocityHmrTypeDeclarationsWriter(VelocityHmrProperties properties) {
			return new TypeDeclarationsWriter(properties.getTypesDirectory());
		}

		@Bean
		@ConditionalOnMissingBean
		PackageTypesWriter velocityHmrPackageTypesWriter(ClasspathPackageIndex packages,
				VelocityHmrProperties properties) {
			return new PackageTypesWriter(packages, properties.getTypesDirectory());
		}

	}

}

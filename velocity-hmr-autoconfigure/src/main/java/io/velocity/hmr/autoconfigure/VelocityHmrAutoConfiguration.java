package io.velocity.hmr.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileProblemListener;
import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ImportMetaEnv;
import io.velocity.hmr.compile.PackageImports;
import io.velocity.hmr.compile.PackageModules;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PackageUrls;
import io.velocity.hmr.resolve.PathAliases;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.source.ServedFiles;
import io.velocity.hmr.source.SourceRoots;
import io.velocity.hmr.web.ClientAssetRequestHandler;
import io.velocity.hmr.web.HmrClientSettings;
import io.velocity.hmr.web.ModuleRequestHandler;
import io.velocity.hmr.web.PackageRequestHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@link AutoConfiguration Auto-configuration} of Velocity HMR's core: where front-end
 * modules are read from, the compiler, and the serving of modules and the runtime, in
 * every profile; in the development profiles ({@link ConditionalOnVelocityHmrActive HMR
 * active}) the compiler writes hot code and the module graph records what pages load.
 * <p>
 * Every other feature has an auto-configuration of its own, ordered after this one and
 * present only when this one is: excluding this class
 * ({@code spring.autoconfigure.exclude}) turns the whole starter off in development.
 * <ul>
 * <li>{@link VelocityHmrPackagesAutoConfiguration}: npm packages;</li>
 * <li>{@link VelocityHmrServerAutoConfiguration}: the {@code /__hmr} socket and the
 * allowed hosts;</li>
 * <li>{@link VelocityHmrHotUpdateAutoConfiguration}: hot updates, the watchers, page
 * reloads;</li>
 * <li>{@link VelocityHmrScriptInjectionAutoConfiguration}: the client script in
 * pages;</li>
 * <li>{@link VelocityHmrTypeDeclarationsAutoConfiguration}: declarations for
 * editors.</li>
 * </ul>
 * It backs off when the front end was built for production
 * ({@link VelocityHmrProductionAutoConfiguration}).
 *
 * @author Velocity HMR
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnCompiler
@ConditionalOnProductionBuild(false)
@EnableConfigurationProperties({ VelocityHmrProperties.class, VelocityHmrPackagesProperties.class })
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
	 * beside the rest of start-up: a directory it cannot load from stops the start (when
	 * {@link CompilerWarmUp} waits for the load) with a message saying what to change,
	 * rather than failing every request. An application that compiles nothing at run time
	 * (its modules compiled when it was packaged) defines its own bean to skip the load.
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

	/**
	 * What imports can name besides modules and the runtime: packages (when
	 * {@link VelocityHmrPackagesAutoConfiguration} applied and they are enabled),
	 * tsconfig.json path aliases.
	 */
	@Bean
	@ConditionalOnMissingBean
	PackageImports velocityHmrPackageImports(VelocityHmrProperties properties,
			VelocityHmrPackagesProperties packagesProperties, ObjectProvider<PackageResolver> resolver,
			ObjectProvider<PackageModules> modules) {
		PathAliases aliases = PathAliases.read(Path.of(properties.getTsconfig()),
				SourceRoots.of(properties.getSourceRoots()).all());
		PackageResolver packages = packagesProperties.isEnabled() ? resolver.getIfAvailable() : null;
		return (packages != null) ? new PackageImports(packages, modules.getObject(), aliases)
				: new PackageImports(null, null, aliases);
	}

	@Bean
	@ConditionalOnMissingBean
	ImportMetaEnv velocityHmrImportMetaEnv(VelocityHmrProperties properties, Environment environment) {
		return ImportMetaEnvFactory.create(properties.getEnvPrefix(), environment);
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
				// The fingerprint (the compiler's and swc4j's jars) is made by the first
				// compile, not while the application starts.
				compiler.setAnalysisCache(new AnalysisCache(Path.of(cacheDirectory), compiler::fingerprint));
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

}

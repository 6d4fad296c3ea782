package io.velocity.hmr.autoconfigure;

import io.velocity.hmr.autoconfigure.ConditionalOnExistingRoots.Roots;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.server.HmrBroadcaster;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.source.SourceRoots;
import io.velocity.hmr.update.HotUpdatePipeline;
import io.velocity.hmr.update.PageReloader;
import io.velocity.hmr.update.RegistryForms;
import io.velocity.hmr.watch.SourceWatcher;
import io.velocity.hmr.watch.WatchSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AutoConfiguration Auto-configuration} of hot updates: the pipeline from a saved
 * file to the browsers and the watcher over the source roots that feeds it, and reloads
 * of the open pages when a server-rendered page changes. Needs the socket of
 * {@link VelocityHmrServerAutoConfiguration} to carry them, and the module graph of
 * {@link VelocityHmrAutoConfiguration}.
 *
 * @author Velocity HMR
 */
@AutoConfiguration(after = { VelocityHmrAutoConfiguration.class, VelocityHmrServerAutoConfiguration.class })
@ConditionalOnBean({ VelocityHmrAutoConfiguration.class, HmrBroadcaster.class })
@ConditionalOnVelocityHmrActive
public final class VelocityHmrHotUpdateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HotUpdatePipeline velocityHmrUpdatePipeline(ModuleSources sources, ModuleUrls urls, CompileService compileService,
			ModuleGraph graph, HmrBroadcaster broadcaster, VelocityHmrProperties properties,
			ObjectProvider<RegistryForms> registryForms) {
		// With bundled pages, updates also carry the registry form of their modules.
		return new HotUpdatePipeline(sources, urls, compileService, graph, broadcaster::broadcast, properties.isDebug(),
				registryForms.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(name = "velocityHmrSourceWatcher")
	@ConditionalOnExistingRoots(Roots.SOURCE)
	SourceWatcher velocityHmrSourceWatcher(ModuleSources sources, VelocityHmrProperties properties,
			HotUpdatePipeline pipeline) {
		VelocityHmrProperties.Watch watch = properties.getWatch();
		return inBackground(new SourceWatcher(
				new WatchSettings(sources.roots(), watch.getIgnore(), watch.getQuietPeriod()), pipeline));
	}

	/**
	 * Edits come from the watched roots: their compile is rehearsed after start-up.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnExistingRoots(Roots.SOURCE)
	@ConditionalOnBooleanProperty(name = "velocity.hmr.compiler.rehearse-edits", matchIfMissing = true)
	EditRehearsals velocityHmrEditRehearsals(CompileService compileService,
			ObjectProvider<NativeLibrary> nativeLibrary) {
		return new EditRehearsals(compileService, nativeLibrary.getIfAvailable());
	}

	/**
	 * The walk over the roots (every file hashed) is left out of the application's
	 * start-up: nobody saves a file in the moment it takes, and a file saved then is
	 * still reported.
	 */
	private static SourceWatcher inBackground(SourceWatcher watcher) {
		watcher.setRegisterInBackground(true);
		return watcher;
	}

	/**
	 * Reloads of the open pages when a server-rendered page changes: what DevTools'
	 * LiveReload did.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExistingRoots(Roots.RELOAD)
	static class PageReloadConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "velocityHmrPageWatcher")
		SourceWatcher velocityHmrPageWatcher(VelocityHmrProperties properties, HmrBroadcaster broadcaster) {
			SourceRoots roots = SourceRoots.of(properties.getReloadRoots());
			VelocityHmrProperties.Watch watch = properties.getWatch();
			return inBackground(
					new SourceWatcher(new WatchSettings(roots.existing(), watch.getIgnore(), watch.getQuietPeriod()),
							new PageReloader(roots.existing(), broadcaster::broadcast)));
		}

	}

}

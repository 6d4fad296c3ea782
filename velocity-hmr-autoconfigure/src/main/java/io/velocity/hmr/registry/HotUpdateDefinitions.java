package io.velocity.hmr.registry;

import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.update.RegistryForms;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The registry form of the modules a hot update carries, for bundled pages, made only
 * once a page was served bundled: written from the registry plan the module's analysis
 * read (string copying), or, for an analysis without one, by one more parse of its
 * compiled code. A module that cannot be written so goes without: the page fetches it,
 * and the bundle request says why.
 */
public class HotUpdateDefinitions implements RegistryForms {

	private static final Log logger = LogFactory.getLog(HotUpdateDefinitions.class);

	private final PageBundler bundler;

	private final RegistryWriter writer;

	/**
	 * Create a new instance.
	 * @param bundler the bundler that serves the pages
	 * @param writer writes modules in registry form
	 */
	public HotUpdateDefinitions(PageBundler bundler, RegistryWriter writer) {
		this.bundler = bundler;
		this.writer = writer;
	}

	@Override
	public boolean wanted() {
		return this.bundler.hasCollected();
	}

	@Override
	public @Nullable String define(String key, CompiledModule compiled) {
		try {
			return this.writer.write(key, compiled).code();
		}
		catch (UnsupportedModuleException ex) {
			logger.debug("Velocity HMR sends " + key + " without its registry form: " + ex.getMessage());
			return null;
		}
	}

}

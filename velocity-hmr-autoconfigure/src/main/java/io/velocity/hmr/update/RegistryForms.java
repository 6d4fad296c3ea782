package io.velocity.hmr.update;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompiledModule;

/**
 * Writes the modules an update carries in the registry form of a bundled page, so that a
 * bundled page, too, applies the update without a request. Present only when bundling is
 * on (the writer lives in package {@code registry}, which this package does not import).
 */
public interface RegistryForms {

	/**
	 * Whether any page was served bundled: until one was, no update needs the form.
	 * @return whether to write the form
	 */
	boolean wanted();

	/**
	 * Write one module in registry form.
	 * @param key the versioned URL to define it under ({@code /frontend/App.tsx?t=…})
	 * @param compiled the module compiled, as a request for the key returns it
	 * @return one {@code __velocity_hmr__.define(key, …)} statement, or {@code null} if
	 * the module cannot be written so (the page then fetches it)
	 */
	@Nullable String define(String key, CompiledModule compiled);

}

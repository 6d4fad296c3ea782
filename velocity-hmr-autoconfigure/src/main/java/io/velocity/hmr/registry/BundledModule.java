package io.velocity.hmr.registry;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * One module of a bundle: its registry form, and its own source map, which only the
 * bundle's map needs (decoded from the compiled code when first asked for, not for every
 * module of every bundle).
 */
public final class BundledModule {

	private final RegistryModule registry;

	private final Supplier<@Nullable String> sourceMap;

	private final @Nullable KeptModuleFacts facts;

	/**
	 * Create a new instance.
	 * @param registry the module in registry form
	 * @param sourceMap its own source map, or {@code null}
	 */
	public BundledModule(RegistryModule registry, @Nullable String sourceMap) {
		this(registry, () -> sourceMap, null);
	}

	BundledModule(RegistryModule registry, Supplier<@Nullable String> sourceMap, @Nullable KeptModuleFacts facts) {
		this.registry = registry;
		this.sourceMap = SingletonSupplier.of(sourceMap);
		this.facts = facts;
	}

	static BundledModule compiled(RegistryModule registry, String compiledCode) {
		return new BundledModule(registry, () -> RegistryWriter.sourceMap(compiledCode), null);
	}

	BundledModule withFacts(@Nullable KeptModuleFacts facts) {
		return new BundledModule(this.registry, this.sourceMap, facts);
	}

	/**
	 * What a kept page records of the module, if known.
	 */
	@Nullable KeptModuleFacts facts() {
		return this.facts;
	}

	/**
	 * Return the module in registry form.
	 * @return the module
	 */
	public RegistryModule registry() {
		return this.registry;
	}

	/**
	 * Return the module's own source map.
	 * @return the map's JSON, or {@code null}
	 */
	public @Nullable String sourceMap() {
		return this.sourceMap.get();
	}

}

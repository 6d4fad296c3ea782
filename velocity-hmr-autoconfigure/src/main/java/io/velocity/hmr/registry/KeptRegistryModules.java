package io.velocity.hmr.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import io.velocity.hmr.compile.AnalysisCache;
import org.jspecify.annotations.Nullable;

/**
 * Keeps modules in registry form across restarts, beside the kept analyses and under the
 * same compiler fingerprint: writing the registry form is a second parse of the compiled
 * code, which a restarted JVM would otherwise pay for every module of its first bundled
 * page. A form is kept for the URL it is registered under and the hash of the compiled
 * code it was written from, which it is a function of: a changed source, other import
 * URLs or versions, another compiler build or settings all make other code, and read as a
 * miss.
 */
final class KeptRegistryModules {

	private static final String KIND = "registry";

	private final @Nullable AnalysisCache cache;

	KeptRegistryModules(@Nullable AnalysisCache cache) {
		this.cache = cache;
	}

	/**
	 * Return the form kept for a module.
	 * @param key the URL it is registered under
	 * @param codeHash the hash of the compiled code it must have been written from
	 * @return the form, or empty
	 */
	Optional<RegistryModule> read(String key, String codeHash) {
		if (this.cache == null) {
			return Optional.empty();
		}
		return this.cache.readKept(KIND, key, codeHash).flatMap((bytes) -> decode(key, bytes));
	}

	/**
	 * Keep the form of a module, a moment later on the cache's writer thread.
	 * @param codeHash the hash of the compiled code it was written from
	 * @param module the form
	 */
	void keep(String codeHash, RegistryModule module) {
		if (this.cache != null) {
			this.cache.keep(KIND, module.key(), codeHash, encode(module));
		}
	}

	private static byte[] encode(RegistryModule module) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(module.code().length() + 256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			RegistryModuleCodec.write(out, module);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static Optional<RegistryModule> decode(String key, byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			return Optional.of(RegistryModuleCodec.read(in, key));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}

package io.velocity.hmr.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
			byte[] code = module.code().getBytes(StandardCharsets.UTF_8);
			out.writeInt(code.length);
			out.write(code);
			out.writeInt(module.firstLineShift());
			out.writeInt(module.imports().size());
			for (String url : module.imports()) {
				out.writeUTF(url);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static Optional<RegistryModule> decode(String key, byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int length = in.readInt();
			if (length < 0 || length > bytes.length) {
				return Optional.empty();
			}
			byte[] code = in.readNBytes(length);
			if (code.length != length) {
				return Optional.empty();
			}
			int firstLineShift = in.readInt();
			int count = in.readInt();
			if (count < 0 || count > bytes.length) {
				return Optional.empty();
			}
			List<String> imports = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				imports.add(in.readUTF());
			}
			return Optional
				.of(new RegistryModule(key, new String(code, StandardCharsets.UTF_8), firstLineShift, imports));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}

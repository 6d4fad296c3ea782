package io.velocity.hmr.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.AnalysisCache;
import io.velocity.hmr.compile.KeptData;
import io.velocity.hmr.compile.ResolvedSpecifier;
import io.velocity.hmr.graph.HotAcceptance;

/**
 * Keeps the graph of a page's entry in registry form across restarts, in one file beside
 * the kept analyses and under the same compiler fingerprint: every module's definition,
 * with what it was written from ({@link KeptModuleFacts}). A restarted JVM serves the
 * page's first bundle from it when every module's source and the resolution of every
 * specifier are what they were (the rules of a kept analysis) and the settings the code
 * depends on are the same, without reading 10,000 analyses, checking their links and
 * writing their code again. The file ends its header with a checksum of the rest: one
 * that does not match (a torn or damaged file) is ignored, never served.
 */
final class KeptPageBundles {

	private static final Log logger = LogFactory.getLog(KeptPageBundles.class);

	private static final String KIND = "page";

	private static final String VALIDITY = "1";

	private final @Nullable AnalysisCache cache;

	KeptPageBundles(@Nullable AnalysisCache cache) {
		this.cache = cache;
	}

	/**
	 * Return the page kept for an entry, as it was kept: whether it is still current is
	 * for the caller to check.
	 * @param entry the entry's URL
	 * @return the page, or empty when none is kept or it cannot be read
	 */
	Optional<KeptPage> read(String entry) {
		if (this.cache == null) {
			return Optional.empty();
		}
		return this.cache.readKept(KIND, entry, VALIDITY).flatMap((bytes) -> {
			try {
				return Optional.of(decode(entry, bytes));
			}
			catch (IOException | RuntimeException ex) {
				logger.info("Velocity HMR ignores the kept bundle of " + entry + ", which cannot be read ("
						+ ex.getMessage() + "); it is written again after the page is served");
				return Optional.empty();
			}
		});
	}

	/**
	 * Keep the page of an entry, encoded and written a moment later on the cache's writer
	 * thread.
	 * @param page the page
	 */
	void keep(KeptPage page) {
		if (this.cache != null) {
			this.cache.keep(KIND, page.entry(), VALIDITY, () -> encode(page));
		}
	}

	static byte[] encode(KeptPage page) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + page.modules().size() * 1024);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeUTF(page.entry());
			out.writeUTF(page.settings());
			KeptData.writeStrings(out, page.natives());
			out.writeInt(page.modules().size());
			for (KeptModule module : page.modules()) {
				writeModule(out, module);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] payload = bytes.toByteArray();
		CRC32C checksum = new CRC32C();
		checksum.update(payload);
		byte[] kept = new byte[payload.length + Long.BYTES];
		long value = checksum.getValue();
		for (int i = 0; i < Long.BYTES; i++) {
			kept[i] = (byte) (value >>> (8 * (Long.BYTES - 1 - i)));
		}
		System.arraycopy(payload, 0, kept, Long.BYTES, payload.length);
		return kept;
	}

	static KeptPage decode(String entry, byte[] kept) throws IOException {
		if (kept.length < Long.BYTES) {
			throw new IOException("too short");
		}
		long value = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			value = (value << 8) | (kept[i] & 0xff);
		}
		CRC32C checksum = new CRC32C();
		checksum.update(kept, Long.BYTES, kept.length - Long.BYTES);
		if (checksum.getValue() != value) {
			throw new IOException("its checksum does not match");
		}
		try (DataInputStream in = new DataInputStream(
				new ByteArrayInputStream(kept, Long.BYTES, kept.length - Long.BYTES))) {
			if (!in.readUTF().equals(entry)) {
				throw new IOException("it was kept for another entry");
			}
			String settings = in.readUTF();
			List<String> natives = KeptData.readStrings(in);
			int count = KeptData.count(in);
			List<KeptModule> modules = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				modules.add(readModule(in));
			}
			if (in.available() != 0) {
				throw new IOException("it has trailing bytes");
			}
			return new KeptPage(entry, settings, natives, modules);
		}
	}

	private static void writeModule(DataOutputStream out, KeptModule module) throws IOException {
		KeptModuleFacts facts = module.facts();
		RegistryModule registry = module.registry();
		out.writeUTF(registry.key());
		out.writeUTF(facts.path());
		out.write(facts.sourceHash());
		out.writeInt(facts.resolved().size());
		for (ResolvedSpecifier specifier : facts.resolved()) {
			out.writeUTF(specifier.specifier());
			out.writeUTF(specifier.url());
		}
		KeptData.writeStrings(out, facts.importUrls());
		KeptData.writeStrings(out, List.copyOf(facts.bindsFrom()));
		HotAcceptance acceptance = facts.acceptance();
		out.writeBoolean(acceptance.selfAccepting());
		KeptData.writeStrings(out, List.copyOf(acceptance.acceptedDeps()));
		out.writeBoolean(acceptance.declined());
		out.writeBoolean(acceptance.unsafeSideEffects());
		out.writeBoolean(acceptance.exportsValues());
		RegistryModuleCodec.write(out, registry);
	}

	private static KeptModule readModule(DataInputStream in) throws IOException {
		String key = in.readUTF();
		String path = in.readUTF();
		byte[] sourceHash = in.readNBytes(32);
		if (sourceHash.length != 32) {
			throw new IOException("it ends early");
		}
		int resolvedCount = KeptData.count(in);
		List<ResolvedSpecifier> resolved = new ArrayList<>(resolvedCount);
		for (int i = 0; i < resolvedCount; i++) {
			resolved.add(new ResolvedSpecifier(in.readUTF(), in.readUTF()));
		}
		List<String> importUrls = KeptData.readStrings(in);
		Set<String> bindsFrom = new LinkedHashSet<>(KeptData.readStrings(in));
		boolean selfAccepting = in.readBoolean();
		Set<String> acceptedDeps = new LinkedHashSet<>(KeptData.readStrings(in));
		HotAcceptance acceptance = new HotAcceptance(selfAccepting, acceptedDeps, in.readBoolean(), in.readBoolean(),
				in.readBoolean());
		RegistryModule registry = RegistryModuleCodec.read(in, key);
		return new KeptModule(registry,
				new KeptModuleFacts(path, sourceHash, resolved, importUrls, bindsFrom, acceptance));
	}

	/**
	 * A page's graph as kept.
	 *
	 * @param entry the entry's URL
	 * @param settings the settings its code was written under
	 * @param natives the URLs the browser imports natively
	 * @param modules the application modules, the entry last
	 */
	record KeptPage(String entry, String settings, List<String> natives, List<KeptModule> modules) {

		KeptPage {
			natives = List.copyOf(natives);
			modules = List.copyOf(modules);
		}

	}

	/**
	 * A module of a kept page.
	 *
	 * @param registry its registry form
	 * @param facts what the form was written from
	 */
	record KeptModule(RegistryModule registry, KeptModuleFacts facts) {

		boolean sameSource(byte[] sourceHash) {
			return Arrays.equals(this.facts.sourceHash(), sourceHash);
		}

	}

}

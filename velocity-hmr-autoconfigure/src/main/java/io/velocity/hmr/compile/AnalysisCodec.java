package io.velocity.hmr.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.span.Swc4jSpan;

import io.velocity.hmr.compile.ImportRewriter.Rewrite;
import io.velocity.hmr.compile.ModuleLinks.Binding;
import io.velocity.hmr.compile.ModuleSyntax.ImportSite;

/**
 * Writes a {@link ModuleAnalysis} as bytes and reads it back, field by field (no Java
 * serialization: a file read back can only ever make these records). The source text is
 * not written: it is the file the analysis is read for.
 */
final class AnalysisCodec {

	private AnalysisCodec() {
	}

	static void write(ModuleAnalysis analysis, DataOutputStream out) throws IOException {
		out.writeUTF(analysis.path());
		out.writeUTF(analysis.url());
		writeLong(analysis.code(), out);
		writeLong(analysis.sourceMap(), out);
		writeRewrites(analysis.importSites(), out);
		out.writeInt(analysis.imports().size());
		for (ModuleImport moduleImport : analysis.imports()) {
			out.writeUTF(moduleImport.specifier());
			out.writeUTF(moduleImport.url());
			out.writeBoolean(moduleImport.dynamic());
		}
		writeRewrites(analysis.acceptSites(), out);
		writeStrings(analysis.exports(), out);
		HotFeatures hot = analysis.hot();
		out.writeBoolean(hot.usesHot());
		out.writeBoolean(hot.selfAccepting());
		writeStrings(hot.acceptedDeps(), out);
		out.writeBoolean(hot.declines());
		out.writeBoolean(hot.disposes());
		writeStrings(hot.components(), out);
		out.writeBoolean(hot.onlyComponentExports());
		out.writeBoolean(hot.sideEffects());
		out.writeBoolean(hot.exportsValues());
		out.writeBoolean(hot.topLevelAwait());
		out.writeBoolean(analysis.autoAccept());
		out.writeInt(analysis.links().bindings().size());
		for (Binding binding : analysis.links().bindings()) {
			out.writeUTF(binding.url());
			out.writeUTF(binding.specifier());
			out.writeUTF(binding.name());
		}
		writeStrings(analysis.links().starUrls(), out);
	}

	static ModuleAnalysis read(DataInputStream in, String text) throws IOException {
		String path = in.readUTF();
		String url = in.readUTF();
		String code = readLong(in);
		String sourceMap = readLong(in);
		List<Rewrite> importSites = readRewrites(in);
		int importCount = count(in);
		List<ModuleImport> imports = new ArrayList<>(importCount);
		for (int i = 0; i < importCount; i++) {
			imports.add(new ModuleImport(in.readUTF(), in.readUTF(), in.readBoolean()));
		}
		List<Rewrite> acceptSites = readRewrites(in);
		List<String> exports = readStrings(in);
		HotFeatures hot = new HotFeatures(in.readBoolean(), in.readBoolean(), readStrings(in), in.readBoolean(),
				in.readBoolean(), readStrings(in), in.readBoolean(), in.readBoolean(), in.readBoolean(),
				in.readBoolean());
		boolean autoAccept = in.readBoolean();
		int bindingCount = count(in);
		List<Binding> bindings = new ArrayList<>(bindingCount);
		for (int i = 0; i < bindingCount; i++) {
			bindings.add(new Binding(in.readUTF(), in.readUTF(), in.readUTF()));
		}
		ModuleLinks links = new ModuleLinks(bindings, readStrings(in));
		return new ModuleAnalysis(path, url, text, code, sourceMap, importSites, imports, acceptSites, exports, hot,
				autoAccept, links);
	}

	private static void writeRewrites(List<Rewrite> rewrites, DataOutputStream out) throws IOException {
		out.writeInt(rewrites.size());
		for (Rewrite rewrite : rewrites) {
			ImportSite site = rewrite.site();
			out.writeUTF(site.specifier());
			out.writeInt(site.span().getStart());
			out.writeInt(site.span().getEnd());
			out.writeInt(site.span().getLine());
			out.writeInt(site.span().getColumn());
			out.writeBoolean(site.dynamic());
			out.writeUTF(rewrite.url());
		}
	}

	private static List<Rewrite> readRewrites(DataInputStream in) throws IOException {
		int size = count(in);
		List<Rewrite> rewrites = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String specifier = in.readUTF();
			Swc4jSpan span = new Swc4jSpan(in.readInt(), in.readInt(), in.readInt(), in.readInt());
			rewrites.add(new Rewrite(new ImportSite(specifier, span, in.readBoolean()), in.readUTF()));
		}
		return rewrites;
	}

	private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
		out.writeInt(strings.size());
		for (String string : strings) {
			out.writeUTF(string);
		}
	}

	private static List<String> readStrings(DataInputStream in) throws IOException {
		int size = count(in);
		List<String> strings = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			strings.add(in.readUTF());
		}
		return strings;
	}

	/**
	 * Code and source maps may be longer than the 64 KB of {@code writeUTF}.
	 */
	private static void writeLong(String text, DataOutputStream out) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readLong(DataInputStream in) throws IOException {
		int length = count(in);
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new IOException("Corrupt analysis: cut short");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static int count(DataInputStream in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > 64 * 1024 * 1024) {
			throw new IOException("Corrupt analysis: a count of " + count);
		}
		return count;
	}

}

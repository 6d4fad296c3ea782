package io.velocity.hmr.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
		KeptData.writeText(out, analysis.code());
		KeptData.writeText(out, analysis.sourceMap());
		writeRewrites(analysis.importSites(), out);
		out.writeInt(analysis.imports().size());
		for (ModuleImport moduleImport : analysis.imports()) {
			out.writeUTF(moduleImport.specifier());
			out.writeUTF(moduleImport.url());
			out.writeBoolean(moduleImport.dynamic());
		}
		writeRewrites(analysis.acceptSites(), out);
		KeptData.writeStrings(out, analysis.exports());
		HotFeatures hot = analysis.hot();
		out.writeBoolean(hot.usesHot());
		out.writeBoolean(hot.selfAccepting());
		KeptData.writeStrings(out, hot.acceptedDeps());
		out.writeBoolean(hot.declines());
		out.writeBoolean(hot.disposes());
		KeptData.writeStrings(out, hot.components());
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
		KeptData.writeStrings(out, analysis.links().starUrls());
	}

	static ModuleAnalysis read(DataInputStream in, String text) throws IOException {
		String path = in.readUTF();
		String url = in.readUTF();
		String code = KeptData.readText(in);
		String sourceMap = KeptData.readText(in);
		List<Rewrite> importSites = readRewrites(in);
		int importCount = KeptData.count(in);
		List<ModuleImport> imports = new ArrayList<>(importCount);
		for (int i = 0; i < importCount; i++) {
			imports.add(new ModuleImport(in.readUTF(), in.readUTF(), in.readBoolean()));
		}
		List<Rewrite> acceptSites = readRewrites(in);
		List<String> exports = KeptData.readStrings(in);
		HotFeatures hot = new HotFeatures(in.readBoolean(), in.readBoolean(), KeptData.readStrings(in),
				in.readBoolean(), in.readBoolean(), KeptData.readStrings(in), in.readBoolean(), in.readBoolean(),
				in.readBoolean(), in.readBoolean());
		boolean autoAccept = in.readBoolean();
		int bindingCount = KeptData.count(in);
		List<Binding> bindings = new ArrayList<>(bindingCount);
		for (int i = 0; i < bindingCount; i++) {
			bindings.add(new Binding(in.readUTF(), in.readUTF(), in.readUTF()));
		}
		ModuleLinks links = new ModuleLinks(bindings, KeptData.readStrings(in));
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
		int size = KeptData.count(in);
		List<Rewrite> rewrites = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String specifier = in.readUTF();
			Swc4jSpan span = new Swc4jSpan(in.readInt(), in.readInt(), in.readInt(), in.readInt());
			rewrites.add(new Rewrite(new ImportSite(specifier, span, in.readBoolean()), in.readUTF()));
		}
		return rewrites;
	}

}

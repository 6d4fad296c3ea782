package io.velocity.hmr.compile;

import java.util.List;

import io.velocity.hmr.compile.ImportRewriter.Rewrite;

/**
 * What the expensive part of a compile produces: swc's output and what was read from it,
 * with every specifier resolved. Writing the served code from it costs only string
 * copying, so it can be written again when import URL customizations change.
 *
 * @param path the module path
 * @param url the module's URL
 * @param text the original source
 * @param code the code swc generated
 * @param sourceMap the source map swc generated
 * @param importSites the import literals with their resolved URLs, in source order
 * @param imports the imports, in the same order
 * @param acceptSites the accepted dependency literals with their resolved URLs
 * @param exports the exported names
 * @param hot the hot features, including any self-accept the compiler adds
 * @param autoAccept whether the compiler adds {@code import.meta.hot.accept()}
 * @param links the names the module takes from the modules it imports
 */
record ModuleAnalysis(String path, String url, String text, String code, String sourceMap, List<Rewrite> importSites,
		List<ModuleImport> imports, List<Rewrite> acceptSites, List<String> exports, HotFeatures hot,
		boolean autoAccept, ModuleLinks links) {

}

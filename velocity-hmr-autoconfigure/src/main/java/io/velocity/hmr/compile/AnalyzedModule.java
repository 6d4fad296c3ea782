package io.velocity.hmr.compile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.registry.RegistryPlan;

/**
 * A module after the expensive part of compiling it: transpiled and its specifiers
 * resolved (a script), or read and its references made absolute (a style sheet). It tells
 * what the module imports, exports and says about hot updates; {@link ModuleCompiler}
 * writes its served code from it for given {@link ModuleVersions} at the cost of copying
 * strings, so an update can plan with it first and write the code once with the stamps it
 * planned.
 */
public final class AnalyzedModule {

	private final String path;

	private final String url;

	private final List<ModuleImport> imports;

	private final List<String> exports;

	private final HotFeatures hot;

	private final @Nullable ModuleAnalysis script;

	private final @Nullable String styleSheet;

	private volatile @Nullable RegistryPlan registryPlan;

	private AnalyzedModule(String path, String url, List<ModuleImport> imports, List<String> exports, HotFeatures hot,
			@Nullable ModuleAnalysis script, @Nullable String styleSheet, @Nullable RegistryPlan registryPlan) {
		this.path = path;
		this.url = url;
		this.imports = List.copyOf(imports);
		this.exports = List.copyOf(exports);
		this.hot = hot;
		this.script = script;
		this.styleSheet = styleSheet;
		this.registryPlan = registryPlan;
	}

	static AnalyzedModule script(ModuleAnalysis analysis) {
		return script(analysis, null);
	}

	static AnalyzedModule script(ModuleAnalysis analysis, @Nullable RegistryPlan registryPlan) {
		return new AnalyzedModule(analysis.path(), analysis.url(), analysis.imports(), analysis.exports(),
				analysis.hot(), analysis, null, registryPlan);
	}

	static AnalyzedModule styleSheet(String path, String url, String css, HotFeatures hot) {
		return new AnalyzedModule(path, url, List.of(), List.of("default"), hot, null, css, null);
	}

	/**
	 * The module path relative to its source root.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The URL the module is served under.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * The static and dynamic imports, in source order; the imports that hot mode adds for
	 * its own client modules are not among them, as those are not part of the
	 * application's module graph.
	 * @return the imports
	 */
	public List<ModuleImport> imports() {
		return this.imports;
	}

	/**
	 * The specifiers of the module with the URLs they resolved to (its imports and the
	 * dependencies it accepts), on which the analysis depends beside the source: none for
	 * a style sheet.
	 * @return the specifiers
	 * @see CompileService#resolvesAsBefore(String, List)
	 */
	public List<ResolvedSpecifier> resolvedSpecifiers() {
		return (this.script != null) ? ModuleAnalyzer.resolvedSpecifiers(this.script) : List.of();
	}

	/**
	 * The names the module exports ({@code default} for a default export).
	 * @return the names
	 */
	public List<String> exports() {
		return this.exports;
	}

	/**
	 * What the module says about hot module replacement.
	 * @return the features
	 */
	public HotFeatures hot() {
		return this.hot;
	}

	/**
	 * Whether the module's file was empty when it was read, as it is for a moment while
	 * most editors save it: they truncate the file, then write it.
	 * @return whether the source has no content at all
	 */
	public boolean isEmpty() {
		return (this.script != null) ? this.script.text().isEmpty()
				: (this.styleSheet == null || this.styleSheet.isEmpty());
	}

	/**
	 * Whether the modules importing this one link to it as they linked to another
	 * analysis of it: both have code, and they export the same names and re-export the
	 * same modules with {@code export *}. A check of its importers' imported names then
	 * finds what it found against the other.
	 * @param other another analysis of the module
	 * @return whether importers link to both alike
	 */
	public boolean linksAsBefore(AnalyzedModule other) {
		return this.script != null && other.script != null && !this.script.text().isBlank()
				&& !other.script.text().isBlank() && this.exports.equals(other.exports)
				&& links().starUrls().equals(other.links().starUrls());
	}

	@Nullable ModuleAnalysis script() {
		return this.script;
	}

	@Nullable String styleSheet() {
		return this.styleSheet;
	}

	/**
	 * The registry plan read from the tree the analysis parsed, when bundled pages asked
	 * for plans, or from a parse of its code when first needed: none yet for an analysis
	 * kept from an earlier run, and none for a module that cannot be written so.
	 */
	@Nullable RegistryPlan registryPlan() {
		return this.registryPlan;
	}

	void registryPlan(RegistryPlan registryPlan) {
		this.registryPlan = registryPlan;
	}

	/**
	 * The URLs of the modules this one takes names from (named, default or namespace
	 * imports, named re-exports and {@code export *}), as opposed to modules it only
	 * imports for their effects: these hold on to what the others export.
	 * @return the URLs, as resolved
	 */
	public Set<String> bindsFrom() {
		Set<String> urls = new LinkedHashSet<>();
		links().bindings().forEach((binding) -> urls.add(binding.url()));
		urls.addAll(links().starUrls());
		return urls;
	}

	ModuleLinks links() {
		return (this.script != null) ? this.script.links() : ModuleLinks.NONE;
	}

	@Nullable String text() {
		return (this.script != null) ? this.script.text() : null;
	}

	@Override
	public String toString() {
		return this.url;
	}

}

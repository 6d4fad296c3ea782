package io.velocity.hmr.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ModuleAnalyzer.RuntimeModule;
import io.velocity.hmr.source.ModuleUrls;

import org.springframework.core.io.ClassPathResource;

/**
 * Checks that every name a module imports is exported by the module it names, as the
 * browser checks when it links a page's modules, so that the mistake is a compile problem
 * at {@code file:line:col} rather than a blank page. The exports of the application's
 * modules come from their analyses (following {@code export *}); those of the Velocity
 * runtime from its browser modules, read once. A module whose exports cannot be known (it
 * does not compile, is empty, or it is neither an application module nor part of the
 * runtime) is not checked against.
 */
final class LinkCheck {

	private static final String RUNTIME_PREFIX = "/__velocity/";

	private static final String RUNTIME_LOCATION = "io/velocity/hmr/client/runtime/";

	private final ModuleAnalyzer analyzer;

	private final ModuleUrls urls;

	private final Map<String, Optional<RuntimeModule>> runtime = new ConcurrentHashMap<>();

	LinkCheck(ModuleAnalyzer analyzer, ModuleUrls urls) {
		this.analyzer = analyzer;
		this.urls = urls;
	}

	/**
	 * Check a module's imported names.
	 * @param module the module
	 * @param analysed the analysis of an application module by path, empty when it has
	 * none (it does not exist or does not compile)
	 * @return the problem with the first name that is not exported, if any
	 */
	Optional<CompileProblem> check(AnalyzedModule module, Function<String, Optional<AnalyzedModule>> analysed) {
		ModuleAnalysis analysis = module.script();
		if (analysis == null) {
			return Optional.empty();
		}
		for (ModuleLinks.Binding binding : module.links().bindings()) {
			if (binding.name().equals(ImportedNames.NAMESPACE)) {
				continue;
			}
			Set<String> exports = exportsOf(binding.url(), analysed, new HashSet<>());
			if (exports != null && !exports.contains(binding.name())) {
				int[] place = this.analyzer.locateImportedName(analysis, binding.specifier(), binding.name());
				return Optional.of(CompileProblems.missingExport(analysis.path(), analysis.text(), binding.specifier(),
						binding.name(), place[0], place[1]));
			}
		}
		return Optional.empty();
	}

	/**
	 * The names a module exports, or {@code null} when they cannot be known.
	 */
	private @Nullable Set<String> exportsOf(String url, Function<String, Optional<AnalyzedModule>> analysed,
			Set<String> visiting) {
		String plain = ModuleVersions.withoutQuery(url);
		if (!visiting.add(plain)) {
			return Set.of();
		}
		if (plain.startsWith(RUNTIME_PREFIX)) {
			return this.runtime.computeIfAbsent(plain, this::readRuntime)
				.map((module) -> collect(module.exports(), module.starUrls(), analysed, visiting))
				.orElse(null);
		}
		Optional<String> path = this.urls.toPath(plain);
		if (path.isEmpty()) {
			return null;
		}
		return analysed.apply(path.get())
			.filter((module) -> !isBlank(module))
			.map((module) -> collect(module.exports(), module.links().starUrls(), analysed, visiting))
			.orElse(null);
	}

	/**
	 * Whether a module is empty, as a file is for a moment while an editor saves it
	 * (truncated, then written): its exports are not known yet, and the save that follows
	 * is checked anew. Reporting them missing would show an error, and a full reload of
	 * the importer, for a save that is fine.
	 */
	private static boolean isBlank(AnalyzedModule module) {
		ModuleAnalysis analysis = module.script();
		return analysis != null && analysis.text().isBlank();
	}

	private @Nullable Set<String> collect(Iterable<String> own, Iterable<String> starUrls,
			Function<String, Optional<AnalyzedModule>> analysed, Set<String> visiting) {
		Set<String> exports = new LinkedHashSet<>();
		own.forEach(exports::add);
		for (String starUrl : starUrls) {
			Set<String> passed = exportsOf(starUrl, analysed, visiting);
			if (passed == null) {
				return null;
			}
			// 'export *' passes on every name but the default.
			passed.stream().filter((name) -> !name.equals("default")).forEach(exports::add);
		}
		return exports;
	}

	private Optional<RuntimeModule> readRuntime(String url) {
		ClassPathResource resource = new ClassPathResource(RUNTIME_LOCATION + url.substring(RUNTIME_PREFIX.length()),
				LinkCheck.class.getClassLoader());
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream input = resource.getInputStream()) {
			return Optional
				.of(this.analyzer.runtimeModule(new String(input.readAllBytes(), StandardCharsets.UTF_8), url));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}

package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ImportRewriter.Rewrite;
import io.velocity.hmr.compile.registry.RegistryCode;
import io.velocity.hmr.compile.registry.RegistryPlan;
import io.velocity.hmr.compile.registry.Replacement;
import io.velocity.hmr.compile.registry.Surroundings;

/**
 * Writes a compiled version of a script in registry form from the plan its analysis read:
 * the URLs the version's imports were written with go in place of the specifiers, and the
 * hot module code that the compile puts around a module goes around it in registry form.
 */
final class PlannedRegistryForm {

	private PlannedRegistryForm() {
	}

	/**
	 * @param plan the plan read from the analysis's tree
	 * @param analysis the analysis
	 * @param written the import URLs the version was written with: the module's own
	 * imports, then the client's
	 * @param env the version's {@code import.meta.env} prelude, or empty
	 * @param key the URL to define the version under
	 * @return the definition
	 */
	static RegistryCode write(RegistryPlan plan, ModuleAnalysis analysis, List<String> written, String env,
			String key) {
		String code = analysis.code();
		Map<Integer, String> urls = new HashMap<>();
		List<Replacement> literals = new ArrayList<>(analysis.importSites().size() + analysis.acceptSites().size());
		for (int i = 0; i < analysis.importSites().size(); i++) {
			literals.add(literal(code, analysis.importSites().get(i).site(), written.get(i), urls));
		}
		for (Rewrite accepted : analysis.acceptSites()) {
			literals.add(literal(code, accepted.site(), accepted.url(), null));
		}
		List<String> clientUrls = written.subList(analysis.importSites().size(), written.size());
		Surroundings surroundings = new Surroundings() {

			@Override
			public List<String> imports() {
				return clientUrls;
			}

			@Override
			public String prefix(List<String> namespaces) {
				return (env.isEmpty() ? "" : HotCode.REGISTRY_META + env.substring(HotCode.IMPORT_META.length()))
						+ HotCode.registryPrefix(analysis.url(), analysis.hot(), namespaces);
			}

			@Override
			public String suffix(List<String> namespaces) {
				return HotCode.registrySuffix(analysis.url(), analysis.hot(), analysis.autoAccept(), namespaces);
			}

		};
		return plan.write(key, code, urls::get, literals, surroundings);
	}

	private static Replacement literal(String code, ModuleSyntax.ImportSite site, String url,
			@Nullable Map<Integer, String> urls) {
		int start = SourceText.index(code, site.span().getStart());
		int end = SourceText.index(code, site.span().getEnd());
		if (urls != null) {
			urls.put(start, url);
		}
		return new Replacement(start, end, JsonStrings.quote(url));
	}

}

package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a module expects of the modules it imports, by resolved URL: the names it takes
 * from each, and the modules whose names it passes on with {@code export *}. The browser
 * refuses to run a page whose module takes a name another does not export; checked here,
 * the same mistake is a compile problem that names the place, like a type checker's.
 *
 * @param bindings the names taken, in source order
 * @param starUrls the URLs of the modules re-exported with {@code export *}
 */
record ModuleLinks(List<Binding> bindings, List<String> starUrls) {

	static final ModuleLinks NONE = new ModuleLinks(List.of(), List.of());

	/**
	 * Resolve the specifiers of a module's imported names.
	 * @param names the names by specifier
	 * @param resolved the resolved URL of each specifier
	 * @return the links
	 */
	static ModuleLinks of(ImportedNames names, Map<String, String> resolved) {
		List<Binding> bindings = new ArrayList<>(names.named().size());
		for (ImportedNames.Named named : names.named()) {
			String url = resolved.get(named.specifier());
			if (url != null) {
				bindings.add(new Binding(url, named.specifier(), named.name()));
			}
		}
		List<String> starUrls = new ArrayList<>(names.starSources().size());
		for (String specifier : names.starSources()) {
			String url = resolved.get(specifier);
			if (url != null) {
				starUrls.add(url);
			}
		}
		return new ModuleLinks(List.copyOf(bindings), List.copyOf(starUrls));
	}

	/**
	 * A name a module takes from another.
	 *
	 * @param url the resolved URL of the other module
	 * @param specifier the specifier as written
	 * @param name the exported name taken
	 */
	record Binding(String url, String specifier, String name) {
	}

}

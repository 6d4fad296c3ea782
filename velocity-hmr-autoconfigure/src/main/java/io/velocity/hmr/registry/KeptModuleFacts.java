package io.velocity.hmr.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.velocity.hmr.compile.AnalyzedModule;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.compile.ResolvedSpecifier;
import io.velocity.hmr.graph.HotAcceptance;

/**
 * What a page's kept bundle records of one of its modules beside its registry form: what
 * the form was written from (the module's source, by hash, and how its specifiers
 * resolved), so that a restarted JVM can tell it is still current without analysing the
 * module, and what the module graph records of it, so that hot updates propagate as after
 * a bundle written from analyses.
 *
 * @param path the module's path
 * @param sourceHash the SHA-256 of the source its analysis was made from
 * @param resolved its specifiers with the URLs they resolved to
 * @param importUrls the URLs of its imports, as the module graph records them
 * @param bindsFrom the URLs of the modules it takes names from
 * @param acceptance how it takes part in hot updates
 */
record KeptModuleFacts(String path, byte[] sourceHash, List<ResolvedSpecifier> resolved, List<String> importUrls,
		Set<String> bindsFrom, HotAcceptance acceptance) {

	KeptModuleFacts {
		sourceHash = sourceHash.clone();
		resolved = List.copyOf(resolved);
		importUrls = List.copyOf(importUrls);
		bindsFrom = Set.copyOf(bindsFrom);
	}

	static KeptModuleFacts of(AnalyzedModule module, byte[] sourceHash) {
		List<String> importUrls = new ArrayList<>(module.imports().size());
		module.imports().forEach((moduleImport) -> importUrls.add(moduleImport.url()));
		return new KeptModuleFacts(module.path(), sourceHash, module.resolvedSpecifiers(), importUrls,
				module.bindsFrom(), HotAcceptance.of(module));
	}

	/**
	 * Whether none of the URLs the module's code was written with has a version stamp: a
	 * kept bundle has none, as a restarted JVM starts without.
	 * @param versions the versions
	 * @return whether the code is the same under them as without any
	 */
	boolean isUnstamped(ModuleVersions versions) {
		for (ResolvedSpecifier specifier : this.resolved) {
			if (versions.stamp(ModuleVersions.withoutQuery(specifier.url())) != 0) {
				return false;
			}
		}
		return true;
	}

}

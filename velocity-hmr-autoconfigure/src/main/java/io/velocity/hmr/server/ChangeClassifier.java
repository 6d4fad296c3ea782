package io.velocity.hmr.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;

/**
 * Sorts changed files into the modules to compile again, the modules that are gone, and
 * changes that need a full page reload. Only modules a page has loaded matter: a change to
 * any other file is ignored.
 */
public final class ChangeClassifier {

	private final ModuleSources sources;

	private final ModuleUrls urls;

	private final ModuleGraph graph;

	public ChangeClassifier(ModuleSources sources, ModuleUrls urls, ModuleGraph graph) {
		this.sources = sources;
		this.urls = urls;
		this.graph = graph;
	}

	/**
	 * Classify a change set.
	 * @param changeSet the changed files
	 * @param problem the compile problem that stands, whose module is retried on any
	 * structural change (it may have been waiting for a file to appear)
	 * @return what to do
	 */
	Changes classify(ChangeSet changeSet, HmrMessage.@Nullable CompileError problem) {
		Set<String> modules = new LinkedHashSet<>();
		Set<String> deleted = new LinkedHashSet<>();
		List<String> reloadReasons = new ArrayList<>();
		boolean structural = false;
		for (FileChange change : changeSet.changes()) {
			Optional<String> path = this.sources.pathOf(change.file());
			if (path.isEmpty() || !ModuleCompiler.isCompilable(path.get())) {
				continue;
			}
			String url = this.urls.toUrl(path.get());
			boolean loaded = this.graph.contains(url);
			switch (change.kind()) {
				case DELETED -> {
					structural = true;
					if (loaded) {
						deleted.add(url);
						// They import a file that is gone: compiling them says so.
						modules.addAll(this.graph.importers(url));
					}
				}
				case CREATED -> {
					structural = true;
					if (loaded) {
						modules.add(url);
					}
				}
				case MODIFIED -> {
					if (loaded || isProblem(problem, path.get())) {
						modules.add(url);
					}
				}
			}
		}
		if (problem != null && (structural || !modules.isEmpty())) {
			String problemUrl = this.urls.toUrl(problem.file());
			if (!deleted.contains(problemUrl) && this.sources.exists(problem.file())) {
				modules.add(problemUrl);
			}
		}
		modules.removeAll(deleted);
		return new Changes(modules, deleted, reloadReasons, structural);
	}

	private static boolean isProblem(HmrMessage.@Nullable CompileError problem, String path) {
		return problem != null && problem.file().equals(path);
	}

	/**
	 * What a change set means.
	 *
	 * @param modules URLs of the modules to compile again, in the order seen
	 * @param deleted URLs of loaded modules whose file is gone
	 * @param reloadReasons reasons to reload the page, if any change needs that
	 * @param structural whether files appeared or disappeared
	 */
	record Changes(Set<String> modules, Set<String> deleted, List<String> reloadReasons, boolean structural) {
	}

}

package io.velocity.hmr.update;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.protocol.HmrMessage;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.watch.ChangeSet;
import io.velocity.hmr.watch.FileChange;

/**
 * Sorts changed files into the modules to compile again, the modules that are gone, the
 * style sheets to swap and changes that need a full page reload. Only modules a page has
 * loaded matter: a change to any other script is ignored. A file that is not compiled
 * (JSON, text, an image) matters when a module imports it: it is then in the graph, and
 * its importers are updated as for a changed module.
 * <p>
 * A style sheet can be loaded two ways: imported by a module, which makes it a module in
 * the graph that is compiled again like any other, and linked by a page
 * ({@code <link rel="stylesheet">}), which the server cannot see: a link may be written
 * in any HTML file or template. So every changed or created sheet is also announced as a
 * style sheet to swap, and pages that link it swap it; the others ignore it. A deleted
 * sheet is not announced: pages keep the styles they have.
 */
final class ChangeClassifier {

	private static final Log logger = LogFactory.getLog(ChangeClassifier.class);

	private final ModuleSources sources;

	private final ModuleUrls urls;

	private final ModuleGraph graph;

	ChangeClassifier(ModuleSources sources, ModuleUrls urls, ModuleGraph graph) {
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
		Set<String> reported = new LinkedHashSet<>();
		Set<String> unreported = new LinkedHashSet<>();
		Set<String> deleted = new LinkedHashSet<>();
		Set<String> styleSheets = new LinkedHashSet<>();
		boolean structural = false;
		for (FileChange change : changeSet.changes()) {
			Optional<String> path = this.sources.pathOf(change.file());
			if (path.isEmpty()) {
				continue;
			}
			if (!ModuleKind.isCompiled(path.get())) {
				// A JSON file or asset that a module imports is in the graph: the modules
				// that import it are updated and fetch it anew.
				String url = this.urls.toUrl(path.get());
				if (change.kind() == FileChange.Kind.MODIFIED && this.graph.contains(url)) {
					modules.add(url);
				}
				continue;
			}
			String url = this.urls.toUrl(path.get());
			reported.add(url);
			boolean loaded = this.graph.contains(url);
			boolean styleSheet = ModuleKind.of(path.get()) == ModuleKind.STYLE_SHEET;
			if (styleSheet && change.kind() != FileChange.Kind.DELETED) {
				styleSheets.add(url);
			}
			switch (change.kind()) {
				case DELETED -> {
					structural = true;
					if (styleSheet) {
						logger.info("Velocity HMR: " + url + " was deleted; pages that link it keep its styles");
					}
					if (loaded) {
						deleted.add(url);
						// They import a file that is gone: compiling them says so.
						unreported.addAll(this.graph.importers(url));
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
				unreported.add(problemUrl);
				modules.add(problemUrl);
			}
		}
		modules.removeAll(deleted);
		unreported.removeAll(deleted);
		unreported.removeAll(reported);
		return new Changes(modules, unreported, deleted, styleSheets, structural);
	}

	private static boolean isProblem(HmrMessage.@Nullable CompileError problem, String path) {
		return problem != null && problem.file().equals(path);
	}

	/**
	 * What a change set means.
	 *
	 * @param modules URLs of the modules to compile again, in the order seen
	 * @param unreported URLs among those modules whose own file was not reported changed:
	 * the importers of a deleted module and the module whose problem stands. Their editor
	 * may be saving them right now
	 * @param deleted URLs of loaded modules whose file is gone
	 * @param styleSheets URLs of the changed or created style sheets, for pages that link
	 * them to swap, in the order seen
	 * @param structural whether files appeared or disappeared
	 */
	record Changes(Set<String> modules, Set<String> unreported, Set<String> deleted, Set<String> styleSheets,
			boolean structural) {
	}

}

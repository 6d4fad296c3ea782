package io.velocity.hmr.graph;

import java.util.List;
import java.util.Set;

import io.velocity.hmr.compile.ModuleVersions;

/**
 * What the browser must do after some modules changed: nothing, hot-apply updates at
 * their boundaries, or reload the page.
 */
public sealed interface UpdatePlan {

	/**
	 * No loaded module is affected.
	 */
	record None() implements UpdatePlan {
	}

	/**
	 * Apply the updates; each is accepted at a boundary.
	 *
	 * @param updates the updates, one per boundary and module it accepts, in order
	 * @param timestamp the version stamp the browser imports the boundaries with
	 * @param stampedUrls the other modules this update stamped, which the accepted
	 * modules import (directly or not) with the new stamp, each after the modules it
	 * imports (in any order within an import cycle)
	 * @param versions the versions of every module once this update applies, which the
	 * code of the updated modules is written with
	 * @param cyclicUrls those of the stamped modules that are in an import cycle among
	 * them, which the browser must fetch rather than evaluate from inline code
	 * @param deadEnds modules the change also reaches without a boundary: a page that
	 * loaded one of them reloads instead of applying the updates (another page, which did
	 * not, applies them)
	 */
	record Hot(List<Boundary> updates, long timestamp, List<String> stampedUrls, ModuleVersions versions,
			Set<String> cyclicUrls, List<DeadEnd> deadEnds) implements UpdatePlan {

		public Hot {
			updates = List.copyOf(updates);
			stampedUrls = List.copyOf(stampedUrls);
			cyclicUrls = Set.copyOf(cyclicUrls);
			deadEnds = List.copyOf(deadEnds);
		}

	}

	/**
	 * Reload the pages that loaded any of the modules no boundary accepts the change for.
	 *
	 * @param deadEnds the modules, with why, in the order met; at least one
	 */
	record FullReload(List<DeadEnd> deadEnds) implements UpdatePlan {

		public FullReload {
			deadEnds = List.copyOf(deadEnds);
		}

		public FullReload(String reason, String url) {
			this(List.of(new DeadEnd(url, reason)));
		}

		/**
		 * Why, naming the first module, for the console.
		 * @return the reason
		 */
		public String reason() {
			return this.deadEnds.get(0).reason();
		}

		/**
		 * The first module no boundary accepts the change for.
		 * @return its URL
		 */
		public String url() {
			return this.deadEnds.get(0).url();
		}

	}

	/**
	 * A module a change reaches that neither accepts it nor has an importer that does: a
	 * page that loaded it must reload.
	 *
	 * @param url the module's URL
	 * @param reason why, naming the update path, for the console
	 */
	record DeadEnd(String url, String reason) {
	}

	/**
	 * A module that accepts an update, and the module it accepts, which the browser
	 * imports anew (as Vite's {@code path} and {@code acceptedPath}).
	 *
	 * @param url the boundary's URL: the module whose hot context applies the update
	 * @param acceptedUrl the module to import with the new stamp: the boundary itself
	 * when it accepts itself, otherwise the import of the boundary's that it accepts
	 */
	record Boundary(String url, String acceptedUrl) {
	}

}

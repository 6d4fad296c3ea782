package io.velocity.hmr.graph;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.UpdatePlan.Boundary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Propagation over the sample app's shape: main → App → (Header, Counter → utils,
 * Footer).
 */
class ModuleGraphTests {

	private static final HotAcceptance SELF = HotAcceptance.acceptingItself();

	private final ModuleGraph graph = new ModuleGraph();

	ModuleGraphTests() {
		this.graph.update("/main.tsx", List.of("/App.tsx"), HotAcceptance.NONE);
		this.graph.update("/App.tsx", List.of("/Header.tsx", "/Counter.tsx", "/Footer.tsx"), SELF);
		this.graph.update("/Header.tsx", List.of(), SELF);
		this.graph.update("/Counter.tsx", List.of("/utils.ts"), SELF);
		this.graph.update("/Footer.tsx", List.of(), SELF);
		this.graph.update("/utils.ts", List.of(), HotAcceptance.NONE);
	}

	@Test
	void selfAcceptingModuleIsItsOwnBoundary() {
		assertHot(this.graph.plan(List.of("/Counter.tsx"), 100), List.of(new Boundary("/Counter.tsx", "/Counter.tsx")),
				List.of());
	}

	@Test
	void changeCascadesToTheNearestAcceptingImporter() {
		assertHot(this.graph.plan(List.of("/utils.ts"), 100), List.of(new Boundary("/Counter.tsx", "/Counter.tsx")),
				List.of("/utils.ts"));
	}

	@Test
	void everyModuleBetweenChangeAndBoundaryGetsTheNewStamp() {
		UpdatePlan plan = this.graph.plan(List.of("/utils.ts"), 100);
		ModuleVersions versions = this.graph.versions();
		assertThat(versions.stamp("/utils.ts")).isEqualTo(100);
		assertThat(versions.stamp("/Counter.tsx")).isEqualTo(100);
		assertThat(versions.stamp("/App.tsx")).isZero();
		assertThat(versions.stamp("/Header.tsx")).isZero();
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.Hot.class,
				(hot) -> assertThat(hot.versions()).as("the plan carries the versions it stamped").isSameAs(versions));
	}

	@Test
	void planNamesTheStampedModulesBetweenChangeAndBoundaryImportedFirst() {
		this.graph.update("/utils.ts", List.of("/format.ts"), HotAcceptance.NONE);
		this.graph.update("/format.ts", List.of(), HotAcceptance.NONE);
		UpdatePlan plan = this.graph.plan(List.of("/format.ts"), 9);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.Hot.class,
				(hot) -> assertThat(hot.stampedUrls()).containsExactly("/format.ts", "/utils.ts"));
	}

	@Test
	void planOrdersStampedModulesByImportsWhateverOrderTheyChangedIn() {
		this.graph.update("/utils.ts", List.of("/format.ts"), HotAcceptance.NONE);
		this.graph.update("/format.ts", List.of(), HotAcceptance.NONE);
		UpdatePlan plan = this.graph.plan(List.of("/utils.ts", "/format.ts"), 9);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.Hot.class,
				(hot) -> assertThat(hot.stampedUrls()).containsExactly("/format.ts", "/utils.ts"));
	}

	@Test
	void selfAcceptingChangeNamesNoOtherStampedModule() {
		assertThat(this.graph.plan(List.of("/Counter.tsx"), 100)).isInstanceOfSatisfying(UpdatePlan.Hot.class,
				(hot) -> assertThat(hot.stampedUrls()).isEmpty());
	}

	@Test
	void importerThatAcceptsTheDependencyIsTheBoundary() {
		this.graph.update("/Counter.tsx", List.of("/utils.ts"), HotAcceptance.acceptingDeps(Set.of("/utils.ts")));
		assertHot(this.graph.plan(List.of("/utils.ts"), 7), List.of(new Boundary("/Counter.tsx", "/utils.ts")),
				List.of());
	}

	@Test
	void entryModuleMeansAFullReloadNamingTheFile() {
		UpdatePlan plan = this.graph.plan(List.of("/main.tsx"), 1);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.FullReload.class, (reload) -> {
			assertThat(reload.url()).isEqualTo("/main.tsx");
			assertThat(reload.reason()).startsWith("/main.tsx is loaded by the page");
		});
	}

	@Test
	void pathWithoutBoundaryReloadsAndShowsThePath() {
		this.graph.update("/Counter.tsx", List.of("/utils.ts"), HotAcceptance.NONE);
		this.graph.update("/App.tsx", List.of("/Counter.tsx"), HotAcceptance.NONE);
		UpdatePlan plan = this.graph.plan(List.of("/utils.ts"), 1);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.FullReload.class,
				(reload) -> assertThat(reload.reason())
					.isEqualTo("/main.tsx is loaded by the page and does not accept hot updates"
							+ " (update path: /utils.ts → /Counter.tsx → /App.tsx → /main.tsx)"));
		assertThat(this.graph.versions().stamp("/utils.ts")).as("no stamps for a reload").isZero();
	}

	@Test
	void sideEffectsWithoutDisposeAreNamedInTheReason() {
		this.graph.update("/main.tsx", List.of("/App.tsx"), HotAcceptance.NONE.withUnsafeSideEffects());
		assertThat(this.graph.plan(List.of("/main.tsx"), 1)).isInstanceOfSatisfying(UpdatePlan.FullReload.class,
				(reload) -> assertThat(reload.reason()).contains("has top-level side effects and no"));
	}

	@Test
	void declinedModuleReloads() {
		this.graph.update("/Footer.tsx", List.of(), SELF.declining());
		assertThat(this.graph.plan(List.of("/Footer.tsx"), 1)).isInstanceOfSatisfying(UpdatePlan.FullReload.class,
				(reload) -> assertThat(reload.reason()).startsWith("/Footer.tsx declines hot updates"));
	}

	@Test
	void cyclesEndAtTheirBoundary() {
		this.graph.update("/a.ts", List.of("/b.ts"), HotAcceptance.NONE);
		this.graph.update("/b.ts", List.of("/a.ts"), HotAcceptance.NONE);
		this.graph.update("/Counter.tsx", List.of("/utils.ts", "/a.ts"), SELF);
		UpdatePlan plan = this.graph.plan(List.of("/b.ts"), 5);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.Hot.class, (hot) -> {
			assertThat(hot.updates()).containsExactly(new Boundary("/Counter.tsx", "/Counter.tsx"));
			assertThat(hot.stampedUrls()).as("within a cycle, in any order")
				.containsExactlyInAnyOrder("/a.ts", "/b.ts");
		});
	}

	@Test
	void cycleWithoutBoundaryEndsInAReload() {
		this.graph.update("/a.ts", List.of("/b.ts"), HotAcceptance.NONE);
		this.graph.update("/b.ts", List.of("/a.ts"), HotAcceptance.NONE);
		this.graph.update("/main.tsx", List.of("/App.tsx", "/a.ts"), HotAcceptance.NONE);
		assertThat(this.graph.plan(List.of("/b.ts"), 5)).isInstanceOf(UpdatePlan.FullReload.class);
	}

	@Test
	void moduleSharedByTwoBoundariesUpdatesBoth() {
		this.graph.update("/Header.tsx", List.of("/utils.ts"), SELF);
		assertHot(this.graph.plan(List.of("/utils.ts"), 3),
				List.of(new Boundary("/Counter.tsx", "/Counter.tsx"), new Boundary("/Header.tsx", "/Header.tsx")),
				List.of("/utils.ts"));
	}

	@Test
	void twoChangesWithOneBoundaryGiveOneUpdate() {
		assertHot(this.graph.plan(List.of("/utils.ts", "/Counter.tsx"), 3),
				List.of(new Boundary("/Counter.tsx", "/Counter.tsx")), List.of("/utils.ts"));
	}

	@Test
	void moduleNoPageLoadedNeedsNothing() {
		assertThat(this.graph.plan(List.of("/Unused.tsx"), 3)).isEqualTo(new UpdatePlan.None());
	}

	@Test
	void updateReplacesThePreviousImports() {
		this.graph.update("/Counter.tsx", List.of(), SELF);
		assertThat(this.graph.importers("/utils.ts")).isEmpty();
		assertThat(this.graph.importers("/Counter.tsx")).containsExactly("/App.tsx");
	}

	@Test
	void removedModuleStopsBeingABoundary() {
		this.graph.remove("/Counter.tsx");
		assertThat(this.graph.importers("/utils.ts")).isEmpty();
		assertThat(this.graph.contains("/Counter.tsx")).as("App still imports it").isTrue();
		assertHot(this.graph.plan(List.of("/Counter.tsx"), 1), List.of(new Boundary("/App.tsx", "/App.tsx")),
				List.of("/Counter.tsx"));
	}

	@Test
	void stampedUrlKeepsAnExistingQuery() {
		this.graph.update("/Counter.tsx", List.of("/utils.ts", "/counter.css"), SELF);
		this.graph.update("/counter.css", List.of(), SELF);
		this.graph.plan(List.of("/counter.css", "/utils.ts"), 42);
		assertThat(this.graph.versions().versioned("/counter.css?import")).isEqualTo("/counter.css?import&t=42");
		assertThat(this.graph.versions().versioned("/utils.ts")).isEqualTo("/utils.ts?t=42");
		assertThat(this.graph.versions().versioned("/Footer.tsx")).isEqualTo("/Footer.tsx");
	}

	@Test
	void droppingTheLastImportOfAModulePrunesItAndWhatOnlyItImported() {
		this.graph.update("/utils.ts", List.of("/format.ts"), HotAcceptance.NONE);
		assertThat(this.graph.update("/Counter.tsx", List.of(), SELF)).containsExactly("/utils.ts", "/format.ts");
		assertThat(this.graph.contains("/utils.ts")).isFalse();
		assertThat(this.graph.contains("/format.ts")).isFalse();
		assertThat(this.graph.plan(List.of("/utils.ts"), 1)).as("an edit to it reloads no page")
			.isEqualTo(new UpdatePlan.None());
		assertThat(this.graph.versions().versioned("/utils.ts")).as("imported again, it is a new instance")
			.matches("/utils\\.ts\\?t=\\d+");
	}

	@Test
	void moduleStillImportedElsewhereIsNotPruned() {
		this.graph.update("/Header.tsx", List.of("/utils.ts"), SELF);
		assertThat(this.graph.update("/Counter.tsx", List.of(), SELF)).isEmpty();
		assertThat(this.graph.importers("/utils.ts")).containsExactly("/Header.tsx");
	}

	@Test
	void entryThatAComponentImportsBackReloadsInsteadOfRunningAgain() {
		// main.tsx renders the app and exports a constant that Counter.tsx imports.
		this.graph.markEntries(List.of("/main.tsx"));
		this.graph.update("/Counter.tsx", List.of("/utils.ts", "/main.tsx"), SELF);
		UpdatePlan plan = this.graph.plan(List.of("/main.tsx"), 1);
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.FullReload.class, (reload) -> {
			assertThat(reload.url()).isEqualTo("/main.tsx");
			assertThat(reload.reason()).startsWith("/main.tsx is loaded by the page and does not accept hot updates")
				.contains("other modules import it too (/Counter.tsx)");
		});
	}

	@Test
	void cycleWithAPageEntryAndNoBoundaryReloadsNamingTheCycle() {
		this.graph.markEntries(List.of("/main.tsx"));
		this.graph.update("/main.tsx", List.of("/App.tsx", "/util.ts"), HotAcceptance.NONE);
		this.graph.update("/util.ts", List.of("/main.tsx"), HotAcceptance.NONE);
		assertThat(this.graph.plan(List.of("/util.ts"), 1)).isInstanceOfSatisfying(UpdatePlan.FullReload.class,
				(reload) -> {
					assertThat(reload.url()).isEqualTo("/main.tsx");
					assertThat(reload.reason()).contains("(update path: /util.ts → /main.tsx)")
						.contains("(import cycle: /util.ts → /main.tsx → /util.ts)");
				});
	}

	@Test
	void cycleThatNothingOutsideImportsReloadsEvenWithoutKnownEntries() {
		this.graph.update("/main.tsx", List.of("/App.tsx", "/util.ts"), HotAcceptance.NONE);
		this.graph.update("/util.ts", List.of("/main.tsx"), HotAcceptance.NONE);
		assertThat(this.graph.plan(List.of("/util.ts"), 1)).isInstanceOfSatisfying(UpdatePlan.FullReload.class,
				(reload) -> assertThat(reload.reason()).contains("import cycle"));
	}

	@Test
	void cycleWithABoundaryHotUpdatesAndItsModulesAreFetched() {
		this.graph.update("/a.ts", List.of("/b.ts"), HotAcceptance.NONE);
		this.graph.update("/b.ts", List.of("/a.ts"), HotAcceptance.NONE);
		this.graph.update("/Counter.tsx", List.of("/utils.ts", "/a.ts"), SELF);
		assertThat(this.graph.plan(List.of("/b.ts"), 5)).isInstanceOfSatisfying(UpdatePlan.Hot.class, (hot) -> {
			assertThat(hot.updates()).containsExactly(new Boundary("/Counter.tsx", "/Counter.tsx"));
			assertThat(hot.cyclicUrls()).containsExactlyInAnyOrder("/a.ts", "/b.ts");
			assertThat(hot.deadEnds()).isEmpty();
		});
	}

	@Test
	void selfAcceptingModuleThatExportsValuesAlsoUpdatesTheImportersThatTakeThem() {
		this.graph.update("/store.ts", List.of(), SELF.withExportedValues());
		this.graph.update("/Counter.tsx", List.of("/utils.ts", "/store.ts"), SELF);
		this.graph.bindings("/Counter.tsx", List.of("/store.ts"));
		this.graph.update("/Header.tsx", List.of("/store.ts"), SELF);
		assertHot(this.graph.plan(List.of("/store.ts"), 2),
				List.of(new Boundary("/store.ts", "/store.ts"), new Boundary("/Counter.tsx", "/Counter.tsx")),
				List.of());
	}

	@Test
	void deadEndOnOnePageStillHotUpdatesTheOthers() {
		this.graph.markEntries(List.of("/other.tsx"));
		this.graph.update("/other.tsx", List.of("/utils.ts"), HotAcceptance.NONE);
		assertThat(this.graph.plan(List.of("/utils.ts"), 4)).isInstanceOfSatisfying(UpdatePlan.Hot.class, (hot) -> {
			assertThat(hot.updates()).containsExactly(new Boundary("/Counter.tsx", "/Counter.tsx"));
			assertThat(hot.deadEnds()).extracting(UpdatePlan.DeadEnd::url).containsExactly("/other.tsx");
		});
	}

	private static void assertHot(UpdatePlan plan, List<Boundary> updates, List<String> stampedUrls) {
		assertThat(plan).isInstanceOfSatisfying(UpdatePlan.Hot.class, (hot) -> {
			assertThat(hot.updates()).isEqualTo(updates);
			assertThat(hot.stampedUrls()).isEqualTo(stampedUrls);
		});
	}

}

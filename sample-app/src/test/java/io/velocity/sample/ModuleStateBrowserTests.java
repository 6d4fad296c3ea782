package io.velocity.sample;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.velocity.hmr.test.AllowPageErrors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module state across hot updates, on a small app of its own (fixtures/state): a store
 * module whose module-level signals two components import, and an import cycle. Edits are
 * real file writes; every assertion is what the page shows.
 */
class ModuleStateBrowserTests extends HotReloadTestSupport {

	private static final String STORE = "state/store.ts";

	private static final String LABEL = "export const label = 'Filter';";

	@BeforeEach
	void openStatePage() {
		this.page.navigate(url("/state.html"));
		assertThat(this.page.locator("#filter")).hasText("Filter: all");
		awaitSocket();
		this.page.evaluate("() => window.__marker = 'no reload'");
	}

	@Test
	void storeEditKeepsItsSignalValuesAndItsImportersRunTheNewCode() {
		setFilterAndCount();
		sources.edit(STORE, LABEL, "export const label = 'Showing';");
		try {
			assertThat(this.page.locator("#filter")).hasText("Showing: active");
			assertThat(this.page.locator("#count")).hasText("Count: 2");
			assertNoReload();
		}
		finally {
			sources.edit(STORE, "export const label = 'Showing';", LABEL);
			assertThat(this.page.locator("#filter")).hasText("Filter: active");
		}
	}

	@Test
	void editOfAModuleTheStoreImportsRunsTheStoreAgainWithItsStateAndThenItsImporters() {
		setFilterAndCount();
		assertThat(this.page.locator("#count-text")).hasText("2 items");
		sources.edit("state/units.ts", "'items'", "'things'");
		try {
			assertThat(this.page.locator("#count-text")).hasText("2 things");
			assertThat(this.page.locator("#filter")).hasText("Filter: active");
			assertLogged("[velocity] /frontend/state/store.ts ran again and kept the values of its 2 signals");
			assertNoReload();
		}
		finally {
			sources.edit("state/units.ts", "'things'", "'items'");
			assertThat(this.page.locator("#count-text")).hasText("2 items");
		}
	}

	@Test
	void storeWhoseSignalsChangedStartsFreshAndSaysWhy() {
		setFilterAndCount();
		String filter = "export const [filter, setFilter] = createSignal('all');";
		sources.edit(STORE, filter, "export const [sort] = createSignal('name');\n" + filter);
		try {
			assertThat(this.page.locator("#filter")).hasText("Filter: all");
			assertThat(this.page.locator("#count")).hasText("Count: 0");
			assertLogged("[velocity] /frontend/state/store.ts: signals changed (2 → 3), module state reset");
			assertNoReload();
		}
		finally {
			sources.edit(STORE, "export const [sort] = createSignal('name');\n", "");
			assertLogged("[velocity] /frontend/state/store.ts: signals changed (3 → 2), module state reset");
		}
	}

	@Test
	void storeDisposesAndHandsItsDataToItsNextVersion() {
		assertThat(this.page.evaluate("() => [window.__storeRuns, window.__storeDisposed ?? 0]"))
			.isEqualTo(java.util.List.of(1, 0));
		sources.edit(STORE, LABEL, "export const label = 'Showing';");
		try {
			assertThat(this.page.locator("#filter")).hasText("Showing: all");
			assertThat(this.page.evaluate("() => [window.__storeRuns, window.__storeDisposed]"))
				.as("runs counted through import.meta.hot.data, and the dispose callback ran once")
				.isEqualTo(java.util.List.of(2, 1));
		}
		finally {
			sources.edit(STORE, "export const label = 'Showing';", LABEL);
			assertThat(this.page.locator("#filter")).hasText("Filter: all");
		}
	}

	@Test
	void storeThatAcceptsItselfStillUpdatesItsImporters() {
		setFilterAndCount();
		sources.edit(STORE, LABEL, "export const label = 'Accepted';\nimport.meta.hot?.accept();");
		try {
			assertThat(this.page.locator("#filter")).hasText("Accepted: active");
			assertThat(this.page.locator("#count")).hasText("Count: 2");
			assertNoReload();
		}
		finally {
			sources.edit(STORE, "export const label = 'Accepted';\nimport.meta.hot?.accept();", LABEL);
			assertThat(this.page.locator("#filter")).hasText("Filter: active");
		}
	}

	@Test
	void editInAnImportCycleHotUpdatesTheComponentThatAcceptsIt() {
		assertThat(this.page.locator("#cycle")).hasText("A:B1");
		setFilterAndCount();
		sources.edit("state/cycle-b.ts", "'B1'", "'B2'");
		try {
			assertThat(this.page.locator("#cycle")).hasText("A:B2");
			assertThat(this.page.locator("#count")).hasText("Count: 2");
			assertNoReload();
		}
		finally {
			sources.edit("state/cycle-b.ts", "'B2'", "'B1'");
			assertThat(this.page.locator("#cycle")).hasText("A:B1");
		}
	}

	@Test
	@AllowPageErrors
	void pageThatCouldNotLoadForAMissingExportShowsWhereAndRecoversOnTheFix() {
		// Broken again: the sources are shared by the run, and the native-module run of
		// these tests may have fixed it.
		sources.write("state/broken-main.tsx", fixture("state/broken-main.tsx"));
		int loadsBefore = this.loads.get();
		this.page.navigate(url("/broken.html"));
		assertThat(this.page.locator("velocity-error-overlay"))
			.containsText("'./store' has no export named 'notExported'");
		assertThat(this.page.locator("velocity-error-overlay")).containsText("broken-main.tsx:2:10");
		assertThat(this.page.locator("#broken")).hasCount(0);
		sources.edit("state/broken-main.tsx", "import { notExported } from './store';",
				"import { label as notExported } from './store';");
		assertThat(this.page.locator("#broken")).hasText("Filter");
		assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		assertThat(this.loads.get()).as("loaded broken, then reloaded once").isEqualTo(loadsBefore + 2);
	}

	@Test
	@AllowPageErrors
	void pageWhoseModuleThrowsAtFirstShowsTheErrorAndRecoversOnTheFix() {
		sources.write("state/throw-main.tsx", fixture("state/throw-main.tsx"));
		int loadsBefore = this.loads.get();
		this.page.navigate(url("/throw.html"));
		assertThat(this.page.locator("velocity-error-overlay")).containsText("not ready yet");
		assertThat(this.page.locator("velocity-error-overlay")).containsText("throw-main.tsx:5");
		sources.edit("state/throw-main.tsx", "throw new Error('not ready yet');", "");
		assertThat(this.page.locator("#thrown")).hasText("Filter");
		assertThat(this.page.locator("velocity-error-overlay")).hasCount(0);
		assertThat(this.loads.get()).as("loaded failing, then reloaded once").isEqualTo(loadsBefore + 2);
	}

	private void setFilterAndCount() {
		this.page.locator("#active").click();
		this.page.locator("#more").click();
		this.page.locator("#more").click();
		assertThat(this.page.locator("#filter")).hasText("Filter: active");
		assertThat(this.page.locator("#count")).hasText("Count: 2");
	}

}

package io.velocity.hmr.runtime;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.velocity.hmr.test.BrowserExtension;
import io.velocity.hmr.test.ConsoleLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for stores ({@code velocity/store}): per-property tracking, the setter's path
 * syntax, produce, reconcile, unwrap, mutable stores and hot swap's seeding, run in
 * Chromium against the scenarios in {@code fixtures/stores.js}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class StoreBrowserTests {

	private Page page;

	@BeforeEach
	void openScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "stores");
		this.page = page;
	}

	@Test
	void readsAreTrackedPerPropertyAtAnyDepth() {
		assertThat(run("readsAreTrackedPerPropertyAtAnyDepth"))
			.isEqualTo(Map.of("runs", Map.of("name", 2, "city", 2, "count", 1), "name", "Grace", "city", "Arlington"));
	}

	@Test
	void setterTakesPathsWithFiltersRangesKeyListsUpdatersAndMerges() {
		assertThat(run("setterPathSyntax")).isEqualTo(Map.of("todos", "a!+ B- C!+ d-", "meta", "{\"b\":3,\"c\":4}",
				"extra", 4, "traversed", List.of("title.1.todos", "title.2.todos")));
	}

	@Test
	void arrayStoreTakesAWholeArrayAndWritesOnlyWhatChanged() {
		assertThat(run("arrayStoreTakesAWholeArray"))
			.isEqualTo(Map.of("list", List.of(1, 5, 6), "runs", Map.of("first", 1, "length", 3)));
	}

	@Test
	void produceMutatesADraft() {
		assertThat(run("produceMutatesADraft"))
			.isEqualTo(Map.of("runs", Map.of("name", 1, "tags", 2), "tags", "a,b", "nickname", false));
	}

	@Test
	void reconcileKeepsItemsWithTheSameKeyAndNotifiesOnlyWhatChanged() {
		assertThat(run("reconcileKeepsItemsWithTheSameKeyAndNotifiesOnlyWhatChanged"))
			.isEqualTo(Map.of("titles", "b,A,c", "moved", true, "runs", Map.of("titleOfOne", 2, "titleOfTwo", 1)));
	}

	@Test
	void unwrapGivesThePlainObjectAndAssigningToAStoreIsIgnored() {
		assertThat(run("unwrapGivesThePlainObjectAndAStoreIsReadOnly"))
			.isEqualTo(List.of(false, true, "{\"nested\":{\"value\":1}}", 1, 1));
	}

	@Test
	void inAndKeysAreTracked() {
		assertThat(run("inAndKeysAreTracked")).isEqualTo(List.of("has email false", "keys name", "has email true",
				"keys name,email", "has email false", "keys name"));
	}

	@Test
	void forOverAStoreArrayFollowsItsItems() {
		assertThat(run("forOverAStoreArrayFollowsItsItems")).isEqualTo(List.of("a", "ab", "Ab", true, "b"));
	}

	@Test
	void mutableIsWrittenByAssignmentWithArrayMethodsAsOneWrite() {
		assertThat(run("mutableIsWrittenByAssignment")).isEqualTo(
				Map.of("runs", Map.of("list", 3, "name", 4, "double", 2), "list", "9", "name", "Linus", "double", 10));
	}

	@Test
	void seedingGivesANewStoreTheOldContentsAndTheKeysItAdds() {
		assertThat(run("seedingGivesANewStoreTheOldContents")).isEqualTo(List.of(5, "x", "new key", "b", 2));
	}

	@Test
	void writingTheRootOfAStoreReplacesItsContents() {
		assertThat(run("writingTheRootOfAStoreReplacesItsContents")).isEqualTo(List.of(List.of(1, 7), 7, false, true));
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

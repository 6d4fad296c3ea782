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
 * Tests for the control-flow components (Show, Switch/Match, For, Index) and the list
 * mapping under them, run in Chromium against the scenarios in
 * {@code fixtures/control-flow.js}.
 *
 * @author Velocity HMR
 */
@ExtendWith(BrowserExtension.class)
class ControlFlowBrowserTests {

	private Page page;

	@BeforeEach
	void openScenarios(BrowserContext context, Page page, ConsoleLog log) {
		RuntimeFixtures.serve(context);
		RuntimeFixtures.open(page, log, "control-flow");
		this.page = page;
	}

	@Test
	void showPassesAnAccessorAndRunsChildrenOnlyWhenTheConditionFlips() {
		assertThat(run("showPassesAnAccessorAndRunsChildrenOnlyWhenTheConditionFlips"))
			.isEqualTo(List.of("signed out", "Ada", "Grace", "signed out", 1));
	}

	@Test
	void keyedShowRunsChildrenForEachNewValue() {
		assertThat(run("keyedShowRunsChildrenForEachValue")).isEqualTo(List.of("Grace", List.of("Ada", "Grace")));
	}

	@Test
	void showTakesAnAccessorAsItsCondition() {
		assertThat(run("showTakesAnAccessorAsCondition")).isEqualTo(List.of("closed", "open"));
	}

	@Test
	void switchRendersTheFirstMatchingBranchAndKeepsItWhileItMatches() {
		assertThat(run("switchRendersTheFirstMatchingBranch")).isEqualTo(List.of("none", "small 3", "small 4", "big",
				"minus 1", "minus 2", List.of("small", "negative 1", "negative 2")));
	}

	@Test
	void forRendersRowsWithIndexesKeepsRowsThatStayAndShowsAFallback() {
		assertThat(run("forRendersRowsWithIndexesAndAFallback"))
			.isEqualTo(List.of("empty", "a#0b#1c#2", "c#0b#1", true, "empty", List.of("a", "c", "b")));
	}

	@Test
	void swappingTwoRowsOfAThousandMovesOnlyThoseTwo() {
		assertThat(run("swappingTwoRowsOfAThousandMovesTwo"))
			.isEqualTo(Map.of("added", 2, "kept", true, "order", List.of("998", "1")));
	}

	@Test
	void clearingAListLeavesOnlyItsMarkersAndItFillsAgain() {
		assertThat(run("clearingAndRefillingAList")).isEqualTo(List.of(500, 0, 2, "12"));
	}

	@Test
	void forFollowsRandomEditsAndKeepsTheNodesOfRowsThatStay() {
		assertThat(run("forFollowsRandomEditsKeepingTheNodesOfRowsThatStay")).isEqualTo(List.of());
	}

	@Test
	void rowsRenderedAsTextKeepTheirTextNodes() {
		assertThat(run("textRowsKeepTheirTextNodes")).isEqualTo(List.of("abc", true));
	}

	@Test
	void indexKeepsRowsByPositionAndUpdatesTheirItem() {
		assertThat(run("indexKeepsRowsByPositionAndUpdatesTheirItem"))
			.isEqualTo(List.of("0:x1:b2:c", true, 3, "0:x", "nothing"));
	}

	@Test
	void mapArrayMapsEachItemOnceAndMatchesDuplicatesInOrder() {
		assertThat(run("mapArrayMapsEachItemOnceAndHandlesDuplicates"))
			.isEqualTo(List.of("a0,b1,a2", "b0,a1,a2,b3", "a0", "a,b,a,b", "b,a,b", "b,a,b,a"));
	}

	@Test
	void indexArrayGivesEachPositionASignalOfItsItem() {
		assertThat(run("indexArrayGivesEachPositionASignal")).isEqualTo(List.of("0=5,1=2,2=3", 3));
	}

	private Object run(String scenario) {
		return this.page.evaluate("(name) => scenarios[name]()", scenario);
	}

}

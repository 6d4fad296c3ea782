package io.velocity.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves that land inside the quiet period (long here, so that two writes from a test
 * surely fall inside it) become one update carrying every changed module.
 */
@TestPropertySource(properties = "velocity.hmr.watch.quiet-period=400ms")
class BurstOfSavesBrowserTests extends HotReloadTestSupport {

	@Test
	void twoFilesSavedInsideTheQuietPeriodArriveAsOneUpdate() {
		sources.edit("Header.tsx", "hot-replaced on save", "hot-replaced in one go");
		sources.edit("Footer.tsx", "and save:", "and save, twice:");
		try {
			assertThat(this.page.locator(".tagline")).containsText("hot-replaced in one go");
			assertThat(this.page.locator("#footer")).containsText("and save, twice:");
			assertThat(lastUpdatePaths()).containsExactlyInAnyOrder("/frontend/Header.tsx", "/frontend/Footer.tsx");
			assertNoReload();
		}
		finally {
			sources.edit("Header.tsx", "hot-replaced in one go", "hot-replaced on save");
			sources.edit("Footer.tsx", "and save, twice:", "and save:");
			assertThat(this.page.locator("#footer")).not().containsText("twice");
		}
	}

	@SuppressWarnings("unchecked")
	private List<String> lastUpdatePaths() {
		return (List<String>) this.page.evaluate("() => window.__velocity_hmr__.lastUpdate.paths");
	}

}

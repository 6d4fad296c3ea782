package io.velocity.hmr.build;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PageEntries}.
 */
class PageEntriesTests {

	@Test
	void findsModuleScriptsAndStyleSheetsUnderThePrefix() {
		String html = """
				<link rel="stylesheet" href="/frontend/styles.css?v=1">
				<link rel="icon" href="/frontend/icon.svg">
				<script type="module" src="/frontend/main.tsx"></script>
				<script src="/frontend/classic.js"></script>
				<script type="module" src="https://cdn.example/x.js"></script>
				<script type="module" th:src="@{/frontend/admin.tsx(v=${version})}"></script>
				""";
		assertThat(PageEntries.find(html, "/frontend")).containsExactly("/frontend/styles.css", "/frontend/main.tsx",
				"/frontend/admin.tsx");
	}

}

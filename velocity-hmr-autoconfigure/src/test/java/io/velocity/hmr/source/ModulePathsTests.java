package io.velocity.hmr.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModulePathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "../secret.txt", "a/../../secret.txt", "a/./b.ts", "a//b.ts", "..", ".", "", "a\\..\\b.ts",
			"C:/Windows/win.ini", "//etc/passwd", "a/b.ts\0.png", "a/" })
	void rejectsPathsThatCouldLeaveTheRoot(String path) {
		assertThat(ModulePaths.safe(path)).isEmpty();
	}

	@Test
	void acceptsNestedRelativePathsAndDropsOneLeadingSlash() {
		assertThat(ModulePaths.safe("components/Counter.tsx")).contains("components/Counter.tsx");
		assertThat(ModulePaths.safe("/App.tsx")).contains("App.tsx");
		assertThat(ModulePaths.safe("..hidden/x..y.ts")).contains("..hidden/x..y.ts");
	}

	@Test
	void extensionIsLowerCaseWithoutDot() {
		assertThat(ModulePaths.extension("ui/Button.TSX")).isEqualTo("tsx");
		assertThat(ModulePaths.extension("styles.min.css")).isEqualTo("css");
		assertThat(ModulePaths.extension("Makefile")).isEmpty();
		assertThat(ModulePaths.extension("dir.d/file")).isEmpty();
		assertThat(ModulePaths.extension(".gitignore")).isEmpty();
	}

	@Test
	void urlsMapBothWays() {
		ModuleUrls urls = new ModuleUrls("/frontend");
		assertThat(urls.toUrl("ui/index.ts")).isEqualTo("/frontend/ui/index.ts");
		assertThat(urls.toPath("/frontend/ui/index.ts")).contains("ui/index.ts");
		assertThat(urls.toPath("/frontendx/a.ts")).isEmpty();
		assertThat(urls.toPath("/frontend/../a.ts")).isEmpty();
	}

}

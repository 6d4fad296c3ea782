package io.velocity.hmr.watch;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IgnoreRules}.
 *
 * @author Velocity HMR
 */
class IgnoreRulesTests {

	private static final Path ROOT = Path.of("/app/src/main/frontend").toAbsolutePath();

	private final IgnoreRules rules = new IgnoreRules(List.of(ROOT),
			List.of("**/*.generated.ts", "legacy/**", "/scratch"));

	@ParameterizedTest
	@ValueSource(strings = { "node_modules/react/index.js", "components/node_modules/x.js", ".git/HEAD", "dist/app.js",
			"lib/target/out.js", "node_modules", "components/dist" })
	void ignoresAlwaysIgnoredFoldersAtAnyDepth(String path) {
		assertThat(this.rules.isIgnored(ROOT.resolve(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Foo.tsx~", ".Foo.tsx.swp", ".Foo.tsx.swx", "4913", ".#Foo.tsx", "#Foo.tsx#",
			"Foo.tsx.tmp", "Foo.tsx___jb_tmp___", "Foo.tsx___jb_old___", ".goutputstream-XYZ1", ".DS_Store",
			"components/Foo.tsx~" })
	void ignoresEditorTemporaryFiles(String path) {
		assertThat(this.rules.isIgnored(ROOT.resolve(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.generated.ts", "deep/er/api.generated.ts", "legacy", "legacy/Old.tsx",
			"legacy/a/b/Old.tsx", "scratch", "scratch/notes.ts" })
	void ignoresConfiguredPatternsAndEverythingBelowAMatchingFolder(String path) {
		assertThat(this.rules.isIgnored(ROOT.resolve(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "App.tsx", "components/Counter.tsx", "distribution/x.ts", "targets.ts", "styles/#main.css",
			"legacyish/Old.tsx", "scratchpad.ts", "api.generated.tsx" })
	void watchesOtherFiles(String path) {
		assertThat(this.rules.isIgnored(ROOT.resolve(path))).isFalse();
	}

	@Test
	void neverIgnoresARoot() {
		assertThat(this.rules.isIgnored(ROOT)).isFalse();
	}

	@Test
	void ignoresPathsOutsideEveryRoot() {
		assertThat(this.rules.isIgnored(ROOT.resolveSibling("other").resolve("App.tsx"))).isTrue();
	}

}

package io.velocity.hmr.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.ImportResolver.UnresolvedImportException;
import io.velocity.hmr.source.FileSystemModuleSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ImportResolver}.
 */
class ImportResolverTests {

	@TempDir
	Path root;

	private ImportResolver resolver;

	@BeforeEach
	void createResolver() {
		this.resolver = new ImportResolver(new FileSystemModuleSources(List.of(this.root)), CompileFixtures.URLS);
	}

	@Test
	void resolvesVelocityAndSolidSpecifiersToTheRuntimeModules() throws Exception {
		assertThat(this.resolver.resolve("main.ts", "velocity")).isEqualTo("/__velocity/runtime.js");
		assertThat(this.resolver.resolve("main.ts", "solid-js")).isEqualTo("/__velocity/runtime.js");
		assertThat(this.resolver.resolve("main.ts", "velocity/web")).isEqualTo("/__velocity/web.js");
		assertThat(this.resolver.resolve("main.ts", "solid-js/web")).isEqualTo("/__velocity/web.js");
		assertThat(this.resolver.resolve("main.ts", "velocity/store")).isEqualTo("/__velocity/store.js");
		assertThat(this.resolver.resolve("main.ts", "solid-js/store")).isEqualTo("/__velocity/store.js");
		assertThat(this.resolver.resolve("main.ts", "velocity/jsx-runtime")).isEqualTo("/__velocity/jsx-runtime.js");
	}

	@Test
	void prefersTheExactFile() throws Exception {
		touch("lib/a.ts", "lib/a.ts.ts");
		assertThat(this.resolver.resolve("main.ts", "./lib/a.ts")).isEqualTo("/frontend/lib/a.ts");
	}

	@Test
	void triesExtensionsInTypeScriptOrder() throws Exception {
		touch("a.ts", "a.tsx", "b.tsx", "b.js", "c.js", "c.jsx", "d.jsx", "d.mjs", "e.mjs");
		assertThat(this.resolver.resolve("main.ts", "./a")).isEqualTo("/frontend/a.ts");
		assertThat(this.resolver.resolve("main.ts", "./b")).isEqualTo("/frontend/b.tsx");
		assertThat(this.resolver.resolve("main.ts", "./c")).isEqualTo("/frontend/c.js");
		assertThat(this.resolver.resolve("main.ts", "./d")).isEqualTo("/frontend/d.jsx");
		assertThat(this.resolver.resolve("main.ts", "./e")).isEqualTo("/frontend/e.mjs");
	}

	@Test
	void prefersAFileOverADirectoryIndex() throws Exception {
		touch("ui.tsx", "ui/index.ts");
		assertThat(this.resolver.resolve("main.ts", "./ui")).isEqualTo("/frontend/ui.tsx");
	}

	@Test
	void resolvesDirectoryIndexes() throws Exception {
		touch("ui/index.tsx", "lib/index.js");
		assertThat(this.resolver.resolve("main.ts", "./ui")).isEqualTo("/frontend/ui/index.tsx");
		assertThat(this.resolver.resolve("ui/index.tsx", "../lib")).isEqualTo("/frontend/lib/index.js");
	}

	@Test
	void resolvesJavaScriptSpecifiersToTheirTypeScriptSources() throws Exception {
		touch("a.ts", "b.tsx");
		assertThat(this.resolver.resolve("main.ts", "./a.js")).isEqualTo("/frontend/a.ts");
		assertThat(this.resolver.resolve("main.ts", "./b.jsx")).isEqualTo("/frontend/b.tsx");
	}

	@Test
	void resolvesTheVelocityRuntimes() throws Exception {
		assertThat(this.resolver.resolve("main.ts", "velocity")).isEqualTo("/__velocity/runtime.js");
		assertThat(this.resolver.resolve("main.ts", "velocity/jsx-runtime")).isEqualTo("/__velocity/jsx-runtime.js");
		assertThat(this.resolver.resolve("main.ts", "velocity/store")).isEqualTo("/__velocity/store.js");
	}

	@Test
	void rejectsOtherBareSpecifiers() {
		assertThatExceptionOfType(UnresolvedImportException.class)
			.isThrownBy(() -> this.resolver.resolve("main.ts", "velocity/internal"));
		assertThatExceptionOfType(UnresolvedImportException.class)
			.isThrownBy(() -> this.resolver.resolve("main.ts", "@scope/pkg"));
	}

	@Test
	void rejectsSpecifiersThatLeaveTheRoot() throws Exception {
		touch("a.ts");
		assertThatExceptionOfType(UnresolvedImportException.class)
			.isThrownBy(() -> this.resolver.resolve("lib/main.ts", "../../a"))
			.withMessageContaining("outside");
	}

	private void touch(String... paths) throws IOException {
		for (String path : paths) {
			Path file = this.root.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "export {};\n");
		}
	}

}

package io.velocity.hmr.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CompileService}.
 */
class CompileServiceTests {

	@TempDir
	Path root;

	private CompileService service;

	@BeforeEach
	void createService() {
		CompileFixtures.copyTo(this.root);
		ModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		this.service = new CompileService(sources, new ModuleCompiler(sources, CompileFixtures.URLS));
	}

	@Test
	void reportsAnImportedNameThatIsNotExportedButNotAgainstAnEmptyModule() throws IOException {
		write("store.ts", "export const count = 1;\n");
		write("uses.ts", "import { total } from './store';\nexport const doubled = total * 2;\n");
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.service.compile("uses.ts"))
			.withMessageContaining("'./store' has no export named 'total'");
		// An editor saving store.ts truncates it first: for that moment its exports are
		// not known, and the save that follows is checked.
		write("store.ts", "");
		this.service.evict("store.ts");
		assertThat(this.service.compile("uses.ts")).isPresent();
		write("store.ts", "export const count = 2;\n");
		this.service.evict("store.ts");
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.service.compile("uses.ts"))
			.withMessageContaining("'./store' has no export named 'total'");
	}

	@Test
	void returnsTheSameInstanceForUnchangedContent() {
		CompiledModule first = this.service.compile("App.tsx").orElseThrow();
		assertThat(this.service.compile("App.tsx")).containsSame(first);
		assertThat(this.service.compile("/App.tsx")).containsSame(first);
	}

	@Test
	void recompilesAfterTheContentChanged() throws IOException {
		CompiledModule first = this.service.compile("Settings.tsx").orElseThrow();
		write("Settings.tsx", "export default () => <section>Preferences</section>;\n");
		CompiledModule second = this.service.compile("Settings.tsx").orElseThrow();
		assertThat(second).isNotSameAs(first);
		assertThat(second.code()).contains("<section>Preferences</section>");
		assertThat(second.hash()).isNotEqualTo(first.hash());
	}

	@Test
	void keepsTheHashWhenOnlyTheCacheWasCleared() {
		CompiledModule first = this.service.compile("App.tsx").orElseThrow();
		this.service.clear();
		CompiledModule second = this.service.compile("App.tsx").orElseThrow();
		assertThat(second).isNotSameAs(first);
		assertThat(second.hash()).isEqualTo(first.hash());
	}

	@Test
	void changesTheHashWhenACreatedFileChangesResolution() throws IOException {
		CompiledModule before = this.service.compile("App.tsx").orElseThrow();
		write("ui.ts", "export const Button = 'button';\n");
		this.service.clear();
		CompiledModule after = this.service.compile("App.tsx").orElseThrow();
		assertThat(after.imports()).extracting(ModuleImport::url).contains("/frontend/ui.ts");
		assertThat(after.hash()).isNotEqualTo(before.hash());
	}

	@Test
	void evictForgetsOneModule() {
		CompiledModule first = this.service.compile("App.tsx").orElseThrow();
		CompiledModule utils = this.service.compile("utils.ts").orElseThrow();
		this.service.evict("App.tsx");
		assertThat(this.service.compile("App.tsx").orElseThrow()).isNotSameAs(first);
		assertThat(this.service.compile("utils.ts")).containsSame(utils);
	}

	@Test
	void returnsEmptyForMissingUnsafeAndNonModulePaths() {
		assertThat(this.service.compile("Nope.tsx")).isEmpty();
		assertThat(this.service.compile("../App.tsx")).isEmpty();
		assertThat(this.service.compile("Nope.css")).isEmpty();
		assertThat(this.service.compile("types.json")).isEmpty();
	}

	@Test
	void returnsEmptyOnceAModuleIsDeleted() throws IOException {
		assertThat(this.service.compile("Settings.tsx")).isPresent();
		Files.delete(this.root.resolve("Settings.tsx"));
		assertThat(this.service.compile("Settings.tsx")).isEmpty();
	}

	@Test
	void throwsProblemsEveryTimeUntilTheSourceIsFixed() throws IOException {
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.service.compile("broken.tsx"));
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> this.service.compile("broken.tsx"));
		write("broken.tsx", "export const Fixed = () => <div>fixed</div>;\n");
		assertThat(this.service.compile("broken.tsx")).get()
			.satisfies((module) -> assertThat(module.exports()).containsExactly("Fixed"));
	}

	@Test
	void resolvesAnImportOnceTheMissingFileIsCreated() throws IOException {
		assertThatExceptionOfType(CompileProblemException.class)
			.isThrownBy(() -> this.service.compile("missing-import.ts"));
		write("nowhere.ts", "export const nothing = null;\n");
		assertThat(this.service.compile("missing-import.ts").orElseThrow().imports()).extracting(ModuleImport::url)
			.containsExactly("/frontend/nowhere.ts");
	}

	@Test
	void writesTheGivenVersionsIntoCachedModules() {
		ModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		CompileService stamping = new CompileService(sources,
				new ModuleCompiler(sources, CompileFixtures.URLS, CompileMode.HOT));
		CompiledModule first = stamping.compile("hot/accept-dep.ts").orElseThrow();
		assertThat(stamping.compile("hot/accept-dep.ts")).containsSame(first);
		ModuleVersions versions = ModuleVersions.NONE.with(List.of("/frontend/utils.ts"), 2);
		CompiledModule second = stamping.compile("hot/accept-dep.ts", versions).orElseThrow();
		assertThat(second.code()).contains("import { format } from \"/frontend/utils.ts?t=2\";")
			.contains("import.meta.hot.accept(\"/frontend/utils.ts\", ");
		assertThat(second.writtenImportUrls()).containsExactly("/frontend/utils.ts?t=2", "/__velocity/hmr-client.js");
		assertThat(second.hash()).isNotEqualTo(first.hash());
		assertThat(second.imports()).isEqualTo(first.imports());
		assertThat(second.hot()).isEqualTo(first.hot());
		assertThat(stamping.compile("hot/accept-dep.ts", versions)).containsSame(second);
		assertThat(second.module()).as("written from the same analysis").isSameAs(first.module());
	}

	@Test
	void rehearsesAnEditWithoutASourceTreeOrCachingIt() {
		for (int round = 1; round <= 3; round++) {
			this.service.rehearseEdit(round);
		}
		assertThat(this.service.analyze(EditRehearsal.PATH)).isEmpty();
		assertThat(this.service.compile("utils.ts")).isPresent();
	}

	@Test
	void warmUpCompilesWithoutASourceTree() {
		this.service.warmUp();
		assertThat(this.service.compile("utils.ts")).isPresent();
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content);
	}

}

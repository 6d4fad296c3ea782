package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.compile.CompileMode;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PageBundler} with a module that has a syntax error: the page gets the
 * compile problem a request for the module would (the overlay), never a failure of the
 * registry transform, and the fixed module is bundled again.
 */
class PageBundlerProblemsTests {

	@TempDir
	Path root;

	@Test
	void aSyntaxErrorInABundledModuleIsTheModulesCompileProblem() throws IOException {
		write("main.tsx", "import Label from './Label';\ndocument.body.append(<Label />);\n");
		write("Label.tsx", "export default function Label() {\n  return <h1 id=\"label\">Label v1</h1>;\n}\n");
		PageBundler bundler = bundler();
		assertThat(bundler.collect("/frontend/main.tsx").modules()).hasSize(2);

		write("Label.tsx", "export default function Label() {\n  return <h1 id=\"label\">Label v3</h1;\n}\n");
		assertThatExceptionOfType(CompileProblemException.class).isThrownBy(() -> bundler.collect("/frontend/main.tsx"))
			.satisfies((ex) -> {
				assertThat(ex.getProblem().file()).endsWith("Label.tsx");
				assertThat(ex.getProblem().message()).contains("SyntaxError");
				assertThat(ex.getProblem().line()).isEqualTo(2);
			});
		// A hot update asks for the graph of a module with its broken import left out.
		assertThat(bundler.collect("/frontend/main.tsx", true).modules())
			.extracting((module) -> module.registry().key())
			.containsExactly("/frontend/main.tsx");

		write("Label.tsx", "export default function Label() {\n  return <h1 id=\"label\">Label v3</h1>;\n}\n");
		assertThat(bundler.collect("/frontend/main.tsx").modules()).extracting((module) -> module.registry().code())
			.anySatisfy((code) -> assertThat(code).contains("Label v3"));
	}

	private PageBundler bundler() {
		ModuleSources sources = new FileSystemModuleSources(List.of(this.root));
		ModuleUrls urls = new ModuleUrls("/frontend");
		CompileService compileService = new CompileService(sources, new ModuleCompiler(sources, urls, CompileMode.HOT));
		return new PageBundler(compileService, urls, null, new RegistryWriter());
	}

	private void write(String path, String content) throws IOException {
		Files.writeString(this.root.resolve(path), content, StandardCharsets.UTF_8);
	}

}

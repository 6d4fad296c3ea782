package io.velocity.hmr.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileSystemModuleSourcesTests {

	@TempDir
	Path temp;

	Path first;

	Path second;

	@BeforeEach
	void createRoots() throws IOException {
		this.first = Files.createDirectories(this.temp.resolve("first"));
		this.second = Files.createDirectories(this.temp.resolve("second"));
		write(this.first.resolve("App.tsx"), "first app");
		write(this.second.resolve("App.tsx"), "second app");
		write(this.second.resolve("ui/Button.tsx"), "button");
		write(this.temp.resolve("secret.txt"), "secret");
	}

	@Test
	void firstRootThatHoldsThePathWins() {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first, this.second));
		assertThat(sources.find("App.tsx")).hasValueSatisfying((source) -> {
			assertThat(new String(source.content(), StandardCharsets.UTF_8)).isEqualTo("first app");
			assertThat(source.path()).isEqualTo("App.tsx");
			assertThat(source.extension()).isEqualTo("tsx");
		});
		assertThat(sources.find("ui/Button.tsx")).isPresent();
		assertThat(sources.exists("ui/Button.tsx")).isTrue();
	}

	@Test
	void missingFilesAndDirectoriesAreNotModules() {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first, this.second));
		assertThat(sources.find("Nope.tsx")).isEmpty();
		assertThat(sources.find("ui")).isEmpty();
		assertThat(sources.exists("ui")).isFalse();
	}

	@Test
	void neverReadsOutsideTheRoots() {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first));
		assertThat(sources.find("../secret.txt")).isEmpty();
		assertThat(sources.find(this.temp.resolve("secret.txt").toString())).isEmpty();
		assertThat(sources.find("..\\secret.txt")).isEmpty();
	}

	@Test
	void symbolicLinkOutOfTheRootIsNotFollowed() throws IOException {
		Files.createSymbolicLink(this.first.resolve("leak.txt"), this.temp.resolve("secret.txt"));
		Files.createSymbolicLink(this.first.resolve("outside"), this.temp);
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first));
		assertThat(sources.find("leak.txt")).isEmpty();
		assertThat(sources.find("outside/secret.txt")).isEmpty();
	}

	@Test
	void symbolicLinkInsideTheRootIsFollowed() throws IOException {
		Files.createSymbolicLink(this.first.resolve("Alias.tsx"), this.first.resolve("App.tsx"));
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first));
		assertThat(sources.find("Alias.tsx")).isPresent();
	}

	@Test
	void mapsFilesBackToModulePaths() {
		FileSystemModuleSources sources = new FileSystemModuleSources(List.of(this.first, this.second));
		assertThat(sources.pathOf(this.second.resolve("ui/Button.tsx"))).contains("ui/Button.tsx");
		assertThat(sources.pathOf(this.temp.resolve("secret.txt"))).isEmpty();
	}

	@Test
	void rootThatDoesNotExistIsRejectedClearly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FileSystemModuleSources(List.of(this.temp.resolve("missing"))))
			.withMessageContaining("missing")
			.withMessageContaining("does not exist");
	}

	@Test
	void classpathSourcesReadTheSameSafePaths() {
		ClasspathModuleSources sources = new ClasspathModuleSources(new DefaultResourceLoader(),
				"classpath:/io/velocity/hmr/source/fixtures/");
		assertThat(sources.find("hello.ts")).isPresent();
		assertThat(sources.find("../FileSystemModuleSourcesTests.class")).isEmpty();
		assertThat(sources.exists("nested")).isFalse();
		assertThat(sources.roots()).isEmpty();
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}

package io.velocity.hmr.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServedFiles}.
 */
class ServedFilesTests {

	@ParameterizedTest
	@ValueSource(strings = { "App.tsx", "lib/utils.ts", "styles.css", "logo.svg", "fonts/Inter.woff2", "data.json",
			"robots.txt" })
	void servesModulesStyleSheetsAndDeclaredAssets(String path) {
		assertThat(ServedFiles.DEFAULT.isServable(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".env", ".env.local", "config/.env.production", ".git/config", ".git/HEAD", ".npmrc",
			".hidden/App.tsx", "server.pem", "tls/server.key", "keystore.p12", "store.jks", "application.properties",
			"application-dev.yml", "prod.env", "id_rsa", "id_ed25519.pub", "deploy.sh", "App.java", "notes.xml",
			"backup.tsx.bak" })
	void deniesDotFilesSecretsAndUndeclaredTypes(String path) {
		assertThat(ServedFiles.DEFAULT.isServable(path)).isFalse();
	}

	@Test
	void declaredTypesNeverIncludeSecrets() {
		ServedFiles files = new ServedFiles(List.of("xml", ".pem", "properties"));
		assertThat(files.isServable("feed.xml")).isTrue();
		assertThat(files.isServable("server.pem")).isFalse();
		assertThat(files.isServable("application.properties")).isFalse();
	}

	@Test
	void sourcesOnDiskAndOnTheClasspathNeverReadADeniedFile(@TempDir Path root) throws Exception {
		Files.writeString(root.resolve(".env"), "SECRET=1");
		Files.createDirectories(root.resolve(".git"));
		Files.writeString(root.resolve(".git/config"), "[remote]");
		Files.writeString(root.resolve("App.tsx"), "export default 1;");
		ModuleSources disk = new FileSystemModuleSources(List.of(root));
		ModuleSources packaged = new ClasspathModuleSources(new DefaultResourceLoader(), root.toUri().toString());
		for (ModuleSources sources : List.of(disk, packaged)) {
			assertThat(sources.find("App.tsx")).isPresent();
			assertThat(sources.find(".env")).isEmpty();
			assertThat(sources.exists(".git/config")).isFalse();
		}
	}

}

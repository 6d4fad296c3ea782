package io.velocity.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TypeDeclarationsWriterTests {

	@TempDir
	Path temp;

	@Test
	void writesTheRuntimeAndHotApiDeclarations() throws IOException {
		Path directory = this.temp.resolve("target/velocity-types");
		new TypeDeclarationsWriter(directory.toString()).afterPropertiesSet();
		assertThat(Files.readString(directory.resolve("velocity.d.ts"))).contains("declare module 'velocity'");
		assertThat(Files.readString(directory.resolve("hot.d.ts"))).contains("interface ImportMeta");
	}

	@Test
	void leavesUpToDateFilesAlone() throws IOException {
		Path directory = this.temp.resolve("types");
		new TypeDeclarationsWriter(directory.toString()).afterPropertiesSet();
		Path declarations = directory.resolve("velocity.d.ts");
		Files.setLastModifiedTime(declarations, FileTime.fromMillis(0));
		new TypeDeclarationsWriter(directory.toString()).afterPropertiesSet();
		assertThat(Files.getLastModifiedTime(declarations).toMillis()).isZero();
	}

}

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
		new TypeDeclarationsWriter(directory.toString()).write();
		assertThat(Files.readString(directory.resolve("velocity.d.ts"))).contains("declare module 'velocity'");
		assertThat(Files.readString(directory.resolve("hot.d.ts"))).contains("interface ImportMeta");
		assertThat(Files.readString(directory.resolve("jsx.d.ts"))).contains("export namespace JSX")
			.contains("declare module 'solid-js'");
		assertThat(Files.readString(directory.resolve("web.d.ts"))).contains("declare module 'velocity/web'");
	}

	@Test
	void leavesUpToDateFilesAlone() throws IOException {
		Path directory = this.temp.resolve("types");
		new TypeDeclarationsWriter(directory.toString()).write();
		Path declarations = directory.resolve("velocity.d.ts");
		Files.setLastModifiedTime(declarations, FileTime.fromMillis(0));
		new TypeDeclarationsWriter(directory.toString()).write();
		assertThat(Files.getLastModifiedTime(declarations).toMillis()).isZero();
	}

}

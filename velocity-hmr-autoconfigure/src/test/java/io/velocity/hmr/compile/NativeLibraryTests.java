package io.velocity.hmr.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NativeLibrary}. A JVM loads the library once, so a directory that
 * would fail the load itself is tested by what is checked before the load begins: a
 * library that cannot be executed there stands for a noexec mount, whose files
 * {@code access(2)} reports as not executable.
 */
class NativeLibraryTests {

	@Test
	void defaultDirectoryIsThisUsers() {
		assertThat(NativeLibrary.defaultDirectory().toString()).startsWith(System.getProperty("java.io.tmpdir"))
			.contains("velocity-hmr-" + System.getProperty("user.name"))
			.endsWith("swc4j");
	}

	@Test
	void loadsIntoADirectoryPrivateToThisUser(@TempDir Path temp) throws Exception {
		Path directory = temp.resolve("native");
		new NativeLibrary(directory).load();
		assertThat(directory).isDirectory();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		assertThat(new ModuleCompiler(CompileFixtures.sources(), CompileFixtures.URLS)
			.compile(CompileFixtures.source("utils.ts"))
			.code()).contains("export");
	}

	@Test
	void refusesALibraryItCannotExecuteBeforeLoading(@TempDir Path temp) throws Exception {
		Path directory = temp.resolve("native");
		Files.createDirectories(directory);
		Path library = NativeLibraryFile.ensure(directory).orElseThrow();
		Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-------"));
		assertThatExceptionOfType(NativeLibraryException.class)
			.isThrownBy(() -> new NativeLibrary(directory).loadInBackground().awaitChecked())
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("mounted noexec?").contains(library.toString()));
	}

	@Test
	void refusesADirectoryItCannotUseWithTheReason(@TempDir Path temp) throws Exception {
		Path file = Files.writeString(temp.resolve("not-a-directory"), "");
		assertThatExceptionOfType(NativeLibraryException.class).isThrownBy(() -> new NativeLibrary(file).load())
			.satisfies((ex) -> {
				assertThat(ex.getDirectory()).isEqualTo(file);
				assertThat(ex.getMessage()).startsWith("Velocity HMR could not load swc's native library from " + file)
					.contains("it cannot be created or made private to " + System.getProperty("user.name"));
			});
	}

}

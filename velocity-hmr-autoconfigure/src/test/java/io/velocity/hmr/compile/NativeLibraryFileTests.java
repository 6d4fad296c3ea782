package io.velocity.hmr.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryFileTests {

	private static final FileTime LONG_AGO = FileTime.fromMillis(0);

	@TempDir
	Path directory;

	@Test
	void copiesTheLibraryOnceUnderSwc4jsNameForIt() throws IOException {
		assertThat(NativeLibraryFile.ensure(this.directory)).isPresent();
		List<Path> files = files();
		assertThat(files).singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).startsWith("libswc4j-").contains(".v."));
		Files.setLastModifiedTime(files.get(0), LONG_AGO);
		assertThat(NativeLibraryFile.ensure(this.directory)).isPresent();
		assertThat(files()).isEqualTo(files);
		assertThat(Files.getLastModifiedTime(files.get(0))).isEqualTo(LONG_AGO);
	}

	@Test
	void replacesAnIncompleteCopy() throws IOException {
		NativeLibraryFile.ensure(this.directory);
		Path library = files().get(0);
		long size = Files.size(library);
		Files.write(library, new byte[10]);
		assertThat(NativeLibraryFile.ensure(this.directory)).isPresent();
		assertThat(Files.size(library)).isEqualTo(size);
		assertThat(files()).containsExactly(library);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.toList();
		}
	}

}

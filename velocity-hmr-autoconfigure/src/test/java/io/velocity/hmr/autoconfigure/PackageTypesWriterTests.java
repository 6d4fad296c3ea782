package io.velocity.hmr.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.resolve.ClasspathPackageIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PackageTypesWriter} with the packages on the test classpath.
 */
class PackageTypesWriterTests {

	static final ClasspathPackageIndex packages = ClasspathPackageIndex
		.scan(PackageTypesWriterTests.class.getClassLoader());

	@TempDir
	Path types;

	@Test
	void writesTheDeclarationsAPackageShipsWithItsPackageJson() throws Exception {
		new PackageTypesWriter(packages, this.types.toString()).write();
		Path dateFns = this.types.resolve("node_modules/date-fns");
		assertThat(dateFns.resolve("format.d.ts")).content().contains("export declare function format");
		assertThat(dateFns.resolve("package.json")).exists();
		assertThat(dateFns.resolve("format.js")).doesNotExist();
		// The mvnpm jar of lit ships no declarations, so nothing of it is written.
		assertThat(this.types.resolve("node_modules/lit")).doesNotExist();
	}

	@Test
	void writesAPackageAgainOnlyWhenItsVersionChanged() throws Exception {
		new PackageTypesWriter(packages, this.types.toString()).write();
		Path format = this.types.resolve("node_modules/date-fns/format.d.ts");
		Files.setLastModifiedTime(format, FileTime.fromMillis(0));
		new PackageTypesWriter(packages, this.types.toString()).write();
		assertThat(Files.getLastModifiedTime(format)).isEqualTo(FileTime.fromMillis(0));
		Files.writeString(this.types.resolve("node_modules/date-fns/.velocity-package"), "date-fns@3.0.0");
		new PackageTypesWriter(packages, this.types.toString()).write();
		assertThat(Files.getLastModifiedTime(format)).isNotEqualTo(FileTime.fromMillis(0));
	}

}

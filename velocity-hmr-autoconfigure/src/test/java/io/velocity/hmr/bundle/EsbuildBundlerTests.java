package io.velocity.hmr.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Pre-bundling with the esbuild platform jar on the test classpath (linux-x64; skipped on
 * machines without one).
 */
class EsbuildBundlerTests {

	static final ClasspathPackageIndex classpath = ClasspathPackageIndex
		.scan(EsbuildBundlerTests.class.getClassLoader());

	static final PackageResolver resolver = new PackageResolver(classpath);

	@TempDir
	Path cache;

	EsbuildBundler bundler;

	@BeforeEach
	void createBundler() {
		this.bundler = EsbuildBundler.create(classpath, this.cache, true);
		assumeThat(this.bundler.isAvailable()).as("an esbuild platform jar for this machine").isTrue();
	}

	@Test
	void bundlesAnEntryWithEveryModuleOfItsPackageIntoOne() throws Exception {
		PackageFile entry = resolver.resolve("date-fns", (Path) null);
		String bundle = this.bundler.bundle(entry).orElseThrow();
		assertThat(bundle).contains("function format(").contains("function addDays(").doesNotContain("from \"./");
		assertThat(this.cache.resolve("esbuild-0.25.10/date-fns@4.1.0/bundles/index.js")).isRegularFile();
	}

	@Test
	void keepsImportsOfOtherPackagesExternal() throws Exception {
		PackageFile entry = resolver.resolve("lit-element", (Path) null);
		String bundle = this.bundler.bundle(entry).orElseThrow();
		assertThat(bundle).contains("from \"@lit/reactive-element\"").contains("from \"lit-html\"");
	}

	@Test
	void aBundleIsBuiltOncePerPackageVersionAcrossRestarts() throws Exception {
		PackageFile entry = resolver.resolve("date-fns/format", (Path) null);
		String first = this.bundler.bundle(entry).orElseThrow();
		Path file = this.cache.resolve("esbuild-0.25.10/date-fns@4.1.0/bundles/format.js");
		FileTime built = FileTime.fromMillis(0);
		Files.setLastModifiedTime(file, built);
		EsbuildBundler restarted = EsbuildBundler.create(classpath, this.cache, true);
		assertThat(restarted.bundle(entry)).hasValue(first);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(built);
	}

}

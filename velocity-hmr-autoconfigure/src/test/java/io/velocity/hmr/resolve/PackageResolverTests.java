package io.velocity.hmr.resolve;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Resolution against the real packages the tests depend on: lit from mvnpm (with its
 * transitive packages), date-fns and classnames from WebJars.
 */
class PackageResolverTests {

	static final PackageResolver resolver = new PackageResolver(
			ClasspathPackageIndex.scan(PackageResolverTests.class.getClassLoader()));

	@TempDir
	Path temp;

	@Test
	void resolvesAnMvnpmPackageThroughItsExports() throws Exception {
		PackageFile file = resolver.resolve("lit", (Path) null);
		assertThat(file.pkg().id()).isEqualTo("lit@3.3.1");
		assertThat(file.pkg().origin()).isEqualTo(PackageOrigin.MVNPM);
		assertThat(file.path()).isEqualTo("index.js");
		assertThat(PackageUrls.url(file)).isEqualTo("/__velocity/npm/lit@3.3.1/index.js");
	}

	@Test
	void resolvesAScopedPackage() throws Exception {
		PackageFile file = resolver.resolve("@lit/reactive-element", (Path) null);
		assertThat(file.pkg().name()).isEqualTo("@lit/reactive-element");
		assertThat(file.path()).isEqualTo("reactive-element.js");
		assertThat(PackageUrls.parse(PackageUrls.url(file)))
			.hasValue(new PackageUrls.Location(file.pkg().id(), "reactive-element.js"));
	}

	@Test
	void resolvesASubpathOfAWebJarThroughItsExportsWithTheImportCondition() throws Exception {
		PackageFile file = resolver.resolve("date-fns/format", (Path) null);
		assertThat(file.pkg().id()).isEqualTo("date-fns@4.1.0");
		assertThat(file.pkg().origin()).isEqualTo(PackageOrigin.WEBJAR);
		assertThat(file.path()).isEqualTo("format.js");
		assertThat(resolver.resolve("date-fns", (Path) null).path()).isEqualTo("index.js");
	}

	@Test
	void resolvesTheMainOfAPackageWithoutExports() throws Exception {
		assertThat(resolver.resolve("classnames", (Path) null).path()).isEqualTo("index.js");
		assertThat(resolver.resolve("classnames/bind", (Path) null).path()).isEqualTo("bind.js");
	}

	@Test
	void resolvesAPackagesOwnImportsRelativeAndBare() throws Exception {
		PackageFile lit = resolver.resolve("lit", (Path) null);
		assertThat(resolver.resolve("lit-element/lit-element.js", lit).pkg().name()).isEqualTo("lit-element");
		assertThat(resolver.resolve("./decorators.js", lit)).isEqualTo(new PackageFile(lit.pkg(), "decorators.js"));
		assertThat(resolver.find("lit-html@" + resolver.resolve("lit-html", lit).pkg().version())).isPresent();
	}

	@Test
	void unknownPackageSaysWhereItLookedAndWhatToAdd() throws IOException {
		Path source = Files.createDirectories(this.temp.resolve("app/src"));
		assertThatExceptionOfType(PackageResolutionException.class)
			.isThrownBy(() -> resolver.resolve("left-pad/x", source))
			.withMessageContaining("package 'left-pad' was not found")
			.withMessageContaining("META-INF/resources/webjars/")
			.withMessageContaining(source.resolve("node_modules").toString())
			.withMessageContaining("org.mvnpm:left-pad")
			.withMessageContaining("org.webjars.npm:left-pad");
	}

	@Test
	void missingSubpathExportNamesThePackageAndItsExports() {
		assertThatExceptionOfType(PackageResolutionException.class)
			.isThrownBy(() -> resolver.resolve("date-fns/no-such-function", (Path) null))
			.withMessageContaining("package date-fns@4.1.0 (WebJar")
			.withMessageContaining("does not export './no-such-function'")
			.withMessageContaining("./addDays");
	}

	@Test
	void nodeBuiltInIsAClearProblem() {
		assertThatExceptionOfType(PackageResolutionException.class)
			.isThrownBy(() -> resolver.resolve("node:fs", (Path) null))
			.withMessageContaining("'node:fs' is a Node.js built-in module");
		assertThatExceptionOfType(PackageResolutionException.class)
			.isThrownBy(() -> resolver.resolve("fs", (Path) null))
			.withMessageContaining("'fs' is a Node.js built-in module");
	}

	@Test
	void findsNodeModulesWalkingUpFromTheImporter() throws Exception {
		Path pkg = Files.createDirectories(this.temp.resolve("project/node_modules/tiny/dist/features"));
		Files.writeString(pkg.getParent().getParent().resolve("package.json"), """
				{ "name": "tiny", "version": "1.2.3", "type": "module",
				  "exports": { ".": { "require": "./dist/tiny.cjs", "import": "./dist/tiny.js" },
				               "./features/*": "./dist/features/*.js",
				               "./private/*": null } }
				""");
		Files.writeString(pkg.getParent().resolve("tiny.js"), "export const tiny = 1;");
		Files.writeString(pkg.resolve("a.js"), "export const a = 1;");
		Path importer = Files.createDirectories(this.temp.resolve("project/src/main/frontend/deep"));
		PackageFile tiny = resolver.resolve("tiny", importer);
		assertThat(tiny.pkg().origin()).isEqualTo(PackageOrigin.NODE_MODULES);
		assertThat(tiny.pkg().id()).isEqualTo("tiny@1.2.3");
		assertThat(tiny.path()).isEqualTo("dist/tiny.js");
		assertThat(resolver.resolve("tiny/features/a", importer).path()).isEqualTo("dist/features/a.js");
		assertThat(resolver.find("tiny@1.2.3")).isPresent();
		assertThatExceptionOfType(PackageResolutionException.class)
			.isThrownBy(() -> resolver.resolve("tiny/private/x", importer))
			.withMessageContaining("does not export './private/x'");
	}

	@Test
	void twoVersionsOfOnePackageOnTheClasspathAreAConflict() throws Exception {
		for (String version : new String[] { "1.0.0", "2.0.0" }) {
			Path dir = Files.createDirectories(
					this.temp.resolve("jar-" + version + "/META-INF/resources/webjars/twice/" + version));
			Files.writeString(dir.resolve("package.json"), "{\"name\":\"twice\",\"version\":\"" + version + "\"}");
			Files.writeString(dir.resolve("index.js"), "export default 1;");
		}
		URL[] roots = { this.temp.resolve("jar-1.0.0").toUri().toURL(),
				this.temp.resolve("jar-2.0.0").toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(roots, null)) {
			PackageResolver twice = new PackageResolver(ClasspathPackageIndex.scan(classLoader));
			assertThatExceptionOfType(PackageResolutionException.class)
				.isThrownBy(() -> twice.resolve("twice", (Path) null))
				.withMessageContaining("package 'twice' is on the classpath in 2 versions: twice@1.0.0")
				.withMessageContaining("twice@2.0.0");
		}
	}

	@Test
	void servesNoFileOutsideAPackage() throws Exception {
		NpmPackage lit = resolver.resolve("lit", (Path) null).pkg();
		assertThat(lit.files().isFile("index.js")).isTrue();
		assertThat(lit.files().isFile("../lit-element/4.2.2/index.js")).isFalse();
		assertThat(lit.files().isFile("../../../../META-INF/maven/org.mvnpm/lit/pom.xml")).isFalse();
		assertThat(PackageUrls.parse("/__velocity/npm/lit@3.3.1/../x.js")).isEmpty();
		assertThat(PackageUrls.parse("/__velocity/npm/lit@3.3.1/a//b.js")).isEmpty();
	}

}

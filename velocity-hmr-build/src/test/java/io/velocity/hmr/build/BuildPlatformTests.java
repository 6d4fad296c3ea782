package io.velocity.hmr.build;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.velocity.hmr.bundle.EsbuildBinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a build says on a machine it has no native parts for (Linux arm64 and Intel macOS
 * with swc4j 2.2.0): one message that names the machine, the platforms that build and the
 * artifact that is missing.
 */
class BuildPlatformTests {

	@TempDir
	Path work;

	@Test
	void saysOnceWhichPlatformsBuildWhenEsbuildIsMissingForThisMachine() throws Exception {
		try (URLClassLoader noPlatformJar = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(BuildException.class).isThrownBy(() -> Esbuild.find(this.work, noPlatformJar))
				.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
					.asString()
					.isEqualTo("No esbuild for this machine (" + System.getProperty("os.name") + " "
							+ System.getProperty("os.arch")
							+ ") on the build's classpath: the build runs on Linux x86_64, macOS arm64 (Apple silicon)"
							+ " and Windows x86_64 (org.mvnpm.at.esbuild:"
							+ EsbuildBinary.platformPackage().substring("@esbuild/".length())
							+ " was expected). The application it builds runs anywhere: build it on one of those"
							+ " (a CI runner, a container)"));
		}
	}

	@Test
	void namesTheSwcArtifactThatAMachineWouldNeed() {
		assertThat(BuildPlatform.swcArtifact("Linux", "aarch64")).isEqualTo("com.caoccao.javet:swc4j-linux-arm64");
		assertThat(BuildPlatform.swcArtifact("Mac OS X", "x86_64")).isEqualTo("com.caoccao.javet:swc4j-macos-x86_64");
		assertThat(BuildPlatform.swcArtifact("Windows 11", "amd64"))
			.isEqualTo("com.caoccao.javet:swc4j-windows-x86_64");
	}

	@Test
	void loadsTheCompilerFromADirectoryOfTheBuildsOwn() {
		BuildPlatform.checkCompiler(this.work.resolve("swc4j"));
		assertThat(this.work.resolve("swc4j")).isDirectory();
	}

}

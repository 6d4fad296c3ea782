package io.velocity.hmr.build;

import java.util.Locale;

import io.velocity.hmr.compile.ImportSpecifiers;

/**
 * What the build needs of the machine it runs on, and what it says when the machine has
 * none: swc's native library and esbuild's executable are native code, published for a
 * few platforms only.
 */
final class BuildPlatform {

	/**
	 * The platforms the build has native parts for.
	 */
	static final String SUPPORTED = "Linux x86_64, macOS arm64 (Apple silicon) and Windows x86_64";

	private BuildPlatform() {
	}

	static String describe() {
		return System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?");
	}

	static String unsupported(String tool, String artifact) {
		return "No " + tool + " for this machine (" + describe() + ") on the build's classpath: the build runs on "
				+ SUPPORTED + " (" + artifact + " was expected). The application it builds runs anywhere: build it "
				+ "on one of those (a CI runner, a container)";
	}

	/**
	 * Check that swc's native library loads here, by parsing an empty module.
	 * @throws BuildException if it does not
	 */
	static void checkCompiler() {
		try {
			new ImportSpecifiers().rewrite("export {};", "/__velocity/check.js", (specifier) -> specifier);
		}
		catch (LinkageError | RuntimeException ex) {
			throw new BuildException(unsupported("swc compiler library",
					swcArtifact(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))) + " [" + ex
					+ "]");
		}
	}

	/**
	 * The swc4j artifact that would hold the native library for a platform, named as
	 * swc4j names them.
	 * @param osName the {@code os.name} of the platform
	 * @param osArch its {@code os.arch}
	 * @return the artifact's coordinates, without the version
	 */
	static String swcArtifact(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		String platform = (os.contains("win") ? "windows" : (os.contains("mac") ? "macos" : "linux")) + "-"
				+ ((arch.equals("aarch64") || arch.equals("arm64")) ? "arm64" : "x86_64");
		return "com.caoccao.javet:swc4j-" + platform;
	}

}

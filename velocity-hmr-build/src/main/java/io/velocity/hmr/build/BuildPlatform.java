package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.velocity.hmr.compile.NativeLibrary;
import io.velocity.hmr.compile.NativeLibraryException;

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

	// Held, as java.util.logging keeps loggers weakly.
	private static final Logger SWC4J_LOGGER = Logger.getLogger("com.caoccao.javet.swc4j");

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
	 * Load swc's native library from a directory of the build's own (not a shared
	 * {@code /tmp}, which may be mounted noexec), and check that it works here.
	 * @param libraryDirectory where to copy the library to load it
	 * @throws BuildException if this machine has no library on the classpath, or it does
	 * not load
	 */
	static void checkCompiler(Path libraryDirectory) {
		// swc4j logs a missing library with its stack trace before the call that fails:
		// the build says it once, below.
		Level level = SWC4J_LOGGER.getLevel();
		SWC4J_LOGGER.setLevel(Level.OFF);
		try {
			new NativeLibrary(libraryDirectory).load();
		}
		catch (NativeLibraryException | LinkageError ex) {
			String platform = swcPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
			if (hasLibrary(libraryDirectory, platform)) {
				throw new BuildException(ex.getMessage());
			}
			throw new BuildException(unsupported("swc compiler library", "com.caoccao.javet:swc4j-" + platform));
		}
		finally {
			SWC4J_LOGGER.setLevel(level);
		}
	}

	// swc4j copies its library out of its platform jar before loading it: none copied,
	// none for this machine.
	private static boolean hasLibrary(Path directory, String platform) {
		try (Stream<Path> files = Files.walk(directory, 2)) {
			return files.anyMatch((file) -> file.getFileName().toString().startsWith("libswc4j-" + platform + "."));
		}
		catch (IOException ex) {
			return false;
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
		return "com.caoccao.javet:swc4j-" + swcPlatform(osName, osArch);
	}

	private static String swcPlatform(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		return (os.contains("win") ? "windows" : (os.contains("mac") ? "macos" : "linux")) + "-"
				+ ((arch.equals("aarch64") || arch.equals("arm64")) ? "arm64" : "x86_64");
	}

}

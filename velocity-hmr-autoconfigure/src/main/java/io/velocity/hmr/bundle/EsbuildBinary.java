package io.velocity.hmr.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.resolve.ClasspathPackageIndex;
import io.velocity.hmr.resolve.NpmPackage;

/**
 * The esbuild executable for this machine, from the mvnpm jar of esbuild's platform
 * package ({@code org.mvnpm.at.esbuild:linux-x64}, …), which is itself an npm package on
 * the classpath ({@code @esbuild/linux-x64}). It is copied once into the cache directory
 * to be run; nothing is downloaded.
 *
 * @param executable the executable
 * @param version esbuild's version
 */
public record EsbuildBinary(Path executable, String version) {

	/**
	 * The name of esbuild's npm package for this machine, such as
	 * {@code @esbuild/linux-x64}.
	 * @return the name
	 */
	public static String platformPackage() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String platform = os.contains("win") ? "win32"
				: (os.contains("mac") || os.contains("darwin")) ? "darwin" : "linux";
		String cpu = (arch.equals("aarch64") || arch.equals("arm64")) ? "arm64" : "x64";
		return "@esbuild/" + platform + "-" + cpu;
	}

	/**
	 * Find esbuild on the classpath and copy it to the cache directory.
	 * @param classpath the packages on the classpath
	 * @param cacheDirectory where to copy it
	 * @return the executable, or empty when no platform jar for this machine is there
	 * @throws IOException if it cannot be copied
	 */
	public static Optional<EsbuildBinary> find(ClasspathPackageIndex classpath, Path cacheDirectory)
			throws IOException {
		Optional<NpmPackage> found = classpath.find(platformPackage()).stream().findFirst();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		NpmPackage pkg = found.get();
		String name = pkg.files().isFile("esbuild.exe") ? "esbuild.exe" : "bin/esbuild";
		Optional<byte[]> content = pkg.files().read(name);
		if (content.isEmpty()) {
			return Optional.empty();
		}
		Path executable = cacheDirectory.resolve("esbuild-" + pkg.version()).resolve(Path.of(name).getFileName());
		if (!Files.isRegularFile(executable) || Files.size(executable) != content.get().length) {
			Files.createDirectories(executable.getParent());
			Path temporary = Files.createTempFile(executable.getParent(), "esbuild", ".tmp");
			Files.write(temporary, content.get());
			temporary.toFile().setExecutable(true);
			Files.move(temporary, executable, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		executable.toFile().setExecutable(true);
		return Optional.of(new EsbuildBinary(executable, pkg.version()));
	}

	/**
	 * Run this esbuild and wait for it, at most the given time.
	 * @param arguments the arguments
	 * @param directory the directory to run in, or {@code null} for the current one
	 * @param timeout how long to wait
	 * @return how it exited and what it wrote (both streams together)
	 * @throws IOException if it cannot be started
	 * @throws NotFinishedException if it took longer than the timeout (it is then
	 * stopped) or the waiting thread was interrupted
	 */
	public Run run(List<String> arguments, @Nullable Path directory, Duration timeout)
			throws IOException, NotFinishedException {
		List<String> command = new ArrayList<>(arguments.size() + 1);
		command.add(this.executable.toString());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new NotFinishedException(false);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new NotFinishedException(true);
		}
		return new Run(process.exitValue(), output);
	}

	/**
	 * How a run of esbuild ended.
	 *
	 * @param exitValue its exit value
	 * @param output what it wrote to standard output and standard error
	 */
	public record Run(int exitValue, String output) {

	}

	/**
	 * Thrown when a run of esbuild did not finish: it took too long, or the thread that
	 * waited for it was interrupted.
	 */
	public static class NotFinishedException extends Exception {

		private final boolean interrupted;

		NotFinishedException(boolean interrupted) {
			super(interrupted ? "interrupted while esbuild ran" : "esbuild did not finish in time");
			this.interrupted = interrupted;
		}

		/**
		 * Whether the waiting thread was interrupted (rather than the time running out).
		 * @return whether it was interrupted
		 */
		public boolean isInterrupted() {
			return this.interrupted;
		}

	}

}

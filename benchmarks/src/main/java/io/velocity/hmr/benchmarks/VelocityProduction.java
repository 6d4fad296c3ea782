package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.velocity.hmr.production.BuildManifest;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * Velocity's production build of a front end, run as a Gradle {@code JavaExec} task runs
 * it ({@code io.velocity.hmr.build.FrontEndBuild} in a JVM of its own, which is what each
 * build pays), and the benchmark app serving it with no dev profile.
 */
final class VelocityProduction {

	private static final Pattern BUILD_TIME = Pattern.compile(" in (\\d+) ms");

	private final Path project;

	private VelocityProduction(Path project) {
		this.project = project;
	}

	/**
	 * Lay out a project as Maven's: the sources in {@code src/main/frontend}, the
	 * benchmark's page in {@code src/main/resources/static}.
	 * @param project the project directory
	 * @param sources the front end's sources
	 * @return the project
	 */
	static VelocityProduction create(Path project, Path sources) throws IOException {
		FileSystemUtils.deleteRecursively(project);
		FileSystemUtils.copyRecursively(sources, project.resolve("src/main/frontend"));
		Path page = project.resolve("src/main/resources/static/index.html");
		Files.createDirectories(page.getParent());
		try (InputStream input = VelocityProduction.class.getResourceAsStream("/static/index.html")) {
			Files.write(page, input.readAllBytes());
		}
		return new VelocityProduction(project);
	}

	/**
	 * Build in a fresh JVM.
	 * @return {@code wall} (the process, JVM start included) and {@code reported} (the
	 * build's own time, what the Maven plugin adds to a build), in ms
	 */
	double[] build() throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long start = System.nanoTime();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.velocity.hmr.build.FrontEndBuild", "--project-dir=" + this.project))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException("The Velocity build failed:\n" + output);
		}
		double wall = (System.nanoTime() - start) / 1e6;
		Matcher reported = BUILD_TIME.matcher(output);
		return new double[] { wall, reported.find() ? Double.parseDouble(reported.group(1)) : Double.NaN };
	}

	Path classes() {
		return this.project.resolve("target/classes");
	}

	Path output() {
		return classes().resolve(BuildManifest.FILES_LOCATION);
	}

	/**
	 * Start the benchmark app over the build, as {@code java -jar} would run it: no dev
	 * profile, the build's output on the classpath.
	 * @return the running app
	 */
	Server serve() throws IOException {
		URLClassLoader classLoader = new URLClassLoader(new URL[] { classes().toUri().toURL() },
				VelocityProduction.class.getClassLoader());
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader),
				BenchmarkApplication.class);
		ConfigurableApplicationContext context = application.run("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		if (!context.containsBean("velocityHmrBuildManifest")) {
			context.close();
			throw new IllegalStateException("The app did not serve the production build");
		}
		return new Server(context, classLoader,
				"http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * The app serving the build.
	 */
	record Server(ConfigurableApplicationContext context, URLClassLoader classLoader,
			String url) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.context.close();
			this.classLoader.close();
		}

	}

}

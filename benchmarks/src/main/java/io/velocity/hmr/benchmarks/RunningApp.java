package io.velocity.hmr.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark app started in this JVM, in the dev profile, over a source root.
 */
final class RunningApp implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final String url;

	final double startedMillis;

	private RunningApp(ConfigurableApplicationContext context, double startedMillis) {
		this.context = context;
		this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		this.startedMillis = startedMillis;
	}

	/**
	 * Start the app.
	 * @param sourceRoot the source root
	 * @param hmr whether with the starter
	 * @param mode how its pages are served, named by every measurement whatever the
	 * starter's default (without the starter, or with HMR off, there is no bundle)
	 * @param extra further arguments of the app
	 * @return the app
	 */
	static RunningApp start(Path sourceRoot, boolean hmr, PageMode mode, String... extra) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
						"--velocity.hmr.source-roots=" + sourceRoot, "--velocity.hmr.debug=true", mode.argument()));
		if (!hmr) {
			args.add("--spring.autoconfigure.exclude=" + String.join(",", starterAutoConfigurations()));
		}
		args.addAll(List.of(extra));
		// For trying settings without a rebuild, e.g.
		// -Dvelocity.benchmark.app-args=--velocity.hmr.watch.quiet-period=0; each
		// replaces an argument of the same name (a name given twice would be read as
		// both values, comma-separated).
		String more = System.getProperty("velocity.benchmark.app-args", "").trim();
		if (!more.isEmpty()) {
			for (String arg : more.split("\\s+")) {
				args.removeIf((given) -> name(given).equals(name(arg)));
				args.add(arg);
			}
		}
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setAdditionalProfiles("dev");
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
		return new RunningApp(context, (System.nanoTime() - start) / 1e6);
	}

	private static String name(String arg) {
		int equals = arg.indexOf('=');
		return (equals < 0) ? arg : arg.substring(0, equals);
	}

	/**
	 * Every auto-configuration of the starter, as its {@code AutoConfiguration.imports}
	 * registers them: excluding the core one alone turns the others off, but the app
	 * without the starter should not depend on that.
	 */
	static List<String> starterAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, RunningApp.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.velocity.hmr."))
			.toList();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

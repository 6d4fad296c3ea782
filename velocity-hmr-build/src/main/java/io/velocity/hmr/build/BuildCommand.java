package io.velocity.hmr.build;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link FrontEndBuild#main}, for build tools other than Maven. Every
 * option has the Maven layout's default; run from the project directory:
 * <pre class="code">
 * java -cp &lt;velocity-hmr-build and its dependencies&gt; io.velocity.hmr.build.FrontEndBuild \
 *     --classpath=&lt;the application's runtime classpath&gt; \
 *     [--project-dir=.] [--source-root=src/main/frontend]… [--page-root=…]… [--entry=admin.tsx]… \
 *     [--output=target/classes] [--work=target/velocity-build] [--prefix=/frontend] \
 *     [--source-maps] [--no-compress] [--env.NAME=value]… [--tsconfig=tsconfig.json]
 * </pre> The {@code types} command writes the TypeScript declarations instead:
 * {@code FrontEndBuild types --classpath=… [--output=target/velocity-types]}. The exit
 * status is 0 on success, 1 when the front end has problems (listed on standard error as
 * {@code file:line:col message}), 2 for a wrong command line.
 */
final class BuildCommand {

	private BuildCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		boolean types = !arguments.isEmpty() && arguments.get(0).equals("types");
		if (types || (!arguments.isEmpty() && arguments.get(0).equals("build"))) {
			arguments.remove(0);
		}
		Options options;
		try {
			options = Options.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		Path project = Path.of(options.single("project-dir", "."));
		List<Path> classpath = options.all("classpath")
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(File.pathSeparator)))
			.filter((value) -> !value.isBlank())
			.map(Path::of)
			.toList();
		try {
			if (types) {
				Path directory = project.resolve(options.single("output", "target/velocity-types"));
				TypesGoal.write(directory, classpath);
				out.println("Wrote the TypeScript declarations to " + directory);
				return 0;
			}
			BuildSettings defaults = BuildSettings.defaults(project, classpath);
			BuildSettings settings = new BuildSettings(project, options.paths("source-root", defaults.sourceRoots()),
					options.paths("page-root", defaults.pageRoots()), options.all("entry"),
					Path.of(options.single("output", "target/classes")),
					Path.of(options.single("work", "target/velocity-build")), classpath,
					options.single("prefix", "/frontend"), options.flag("source-maps"), !options.flag("no-compress"),
					options.env(), Path.of(options.single("tsconfig", "tsconfig.json")));
			out.println(new FrontEndBuild().build(settings).summary());
			return 0;
		}
		catch (BuildException ex) {
			err.println(ex.getMessage());
			return 1;
		}
	}

	/**
	 * {@code --name=value} and {@code --flag} options; {@code --env.NAME=value} for the
	 * environment.
	 */
	private record Options(Map<String, List<String>> values) {

		static Options parse(List<String> arguments) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (String argument : arguments) {
				if (!argument.startsWith("--")) {
					throw new IllegalArgumentException("Not an option: " + argument + " (options are --name=value)");
				}
				int equals = argument.indexOf('=');
				String name = argument.substring(2, (equals >= 0) ? equals : argument.length());
				String value = (equals >= 0) ? argument.substring(equals + 1) : "true";
				values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			return new Options(values);
		}

		String single(String name, String fallback) {
			List<String> all = all(name);
			return all.isEmpty() ? fallback : all.get(all.size() - 1);
		}

		List<String> all(String name) {
			return this.values.getOrDefault(name, List.of());
		}

		List<Path> paths(String name, List<Path> fallback) {
			List<String> all = all(name);
			return all.isEmpty() ? fallback : all.stream().map(Path::of).toList();
		}

		boolean flag(String name) {
			return Boolean.parseBoolean(single(name, "false"));
		}

		Map<String, String> env() {
			Map<String, String> env = new LinkedHashMap<>();
			this.values.forEach((name, values) -> {
				if (name.startsWith("env.")) {
					env.put(name.substring(4), values.get(values.size() - 1));
				}
			});
			return env;
		}

	}

}

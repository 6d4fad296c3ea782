package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of an unbundled page load: the project shape of {@link ProjectGenerator} as
 * plain ES modules (no compile, no HMR code, no runtime) served as static files by the
 * same server, beside the Velocity pages. What this page takes is what the browser needs
 * for that many separate module requests on this machine, whoever serves them.
 */
final class StaticModules {

	private StaticModules() {
	}

	/**
	 * Write the page {@code plain-modules.html} and its modules under {@code frontend/}.
	 * @param root the directory to serve static files from
	 * @param modules the number of component modules
	 * @return the root
	 * @throws IOException on failure
	 */
	static Path generate(Path root, int modules) throws IOException {
		write(root, "plain-modules.html", """
				<!doctype html>
				<html lang="en">
				<head><meta charset="utf-8"><title>static modules</title>
				<script type="module" src="/plain/main.js"></script></head>
				<body><div id="app"></div></body>
				</html>
				""");
		write(root, "plain/main.js", """
				window.__mainAt = performance.now();
				import C0 from './C0.js';
				document.getElementById('app').append(C0());
				window.__renderedAt = performance.now();
				""");
		for (int i = 0; i < modules; i++) {
			int first = i * ProjectGenerator.FAN_OUT + 1;
			StringBuilder code = new StringBuilder();
			StringBuilder children = new StringBuilder();
			for (int child = first; child < Math.min(first + ProjectGenerator.FAN_OUT, modules); child++) {
				code.append("import C").append(child).append(" from './C").append(child).append(".js';\n");
				children.append("  element.append(C").append(child).append("());\n");
			}
			code.append("export default function C")
				.append(i)
				.append("() {\n")
				.append("  const element = document.createElement('")
				.append((first < modules) ? "div" : "span")
				.append("');\n  element.id = 'c")
				.append(i)
				.append("';\n")
				.append(children)
				.append("  return element;\n}\n");
			write(root, "plain/C" + i + ".js", code.toString());
		}
		return root;
	}

	private static void write(Path root, String path, String content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}

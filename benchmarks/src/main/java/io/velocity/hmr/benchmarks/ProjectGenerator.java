package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a front end of a given number of component modules: a tree in which module
 * {@code i} renders modules {@code 10i+1} to {@code 10i+10}, so 1,000 modules are four
 * levels deep and 10,000 five. Module 0 is the app; {@code main.tsx} renders it and
 * records when it ran, which is after every module it imports was evaluated.
 */
final class ProjectGenerator {

	static final int FAN_OUT = 10;

	private ProjectGenerator() {
	}

	static Path generate(Path root, int modules) throws IOException {
		return generate(root, modules, FAN_OUT);
	}

	/**
	 * Write a project in which module {@code i} renders modules {@code fanOut*i+1} to
	 * {@code fanOut*i+fanOut}; a fan-out of one makes a chain, as deep as it is long.
	 * @param root the directory to write to
	 * @param modules the number of component modules
	 * @param fanOut the number of children of each module
	 * @return the root
	 * @throws IOException on failure
	 */
	static Path generate(Path root, int modules, int fanOut) throws IOException {
		Files.createDirectories(root);
		write(root, "main.tsx", """
				(window as any).__mainAt = performance.now();
				import { render } from 'velocity';
				import C0 from './s0/C0';

				render(C0, document.getElementById('app')!);
				(window as any).__renderedAt = performance.now();
				""");
		write(root, "styles.css", ".leaf { color: #333; }\n");
		for (int i = 0; i < modules; i++) {
			write(root, path(i), component(i, modules, fanOut));
		}
		return root;
	}

	/**
	 * The module path of a component, in folders of a hundred.
	 * @param index the component number
	 * @return its path relative to the root
	 */
	static String path(int index) {
		return "s" + (index / 100) + "/C" + index + ".tsx";
	}

	/**
	 * The text a leaf shows, which an edit changes.
	 * @param index the component number
	 * @param version the edit number
	 * @return the text
	 */
	static String leafText(int index, int version) {
		return "Leaf " + index + " v" + version + ".";
	}

	private static String component(int index, int modules, int fanOut) {
		int first = index * fanOut + 1;
		if (first >= modules) {
			return """
					export default function C%1$d() {
					  return <span class="leaf" id="c%1$d">%2$s</span>;
					}
					""".formatted(index, leafText(index, 0));
		}
		StringBuilder imports = new StringBuilder();
		StringBuilder children = new StringBuilder();
		for (int child = first; child < Math.min(first + fanOut, modules); child++) {
			imports.append("import C")
				.append(child)
				.append(" from '../")
				.append(path(child).replace(".tsx", ""))
				.append("';\n");
			children.append("      <C").append(child).append(" />\n");
		}
		return imports + """

				export default function C%1$d() {
				  return (
				    <div class="node" id="c%1$d">
				%2$s    </div>
				  );
				}
				""".formatted(index, children);
	}

	private static void write(Path root, String path, String content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}

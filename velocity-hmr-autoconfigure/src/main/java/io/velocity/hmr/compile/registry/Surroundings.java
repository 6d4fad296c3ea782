package io.velocity.hmr.compile.registry;

import java.util.List;

/**
 * What a version of a module puts in front of its code, on its first line, and after it,
 * in registry form: the modules that code imports come after the module's own.
 */
public interface Surroundings {

	/**
	 * Nothing around the code.
	 */
	Surroundings NONE = new Surroundings() {

		@Override
		public List<String> imports() {
			return List.of();
		}

		@Override
		public String prefix(List<String> namespaces) {
			return "";
		}

		@Override
		public String suffix(List<String> namespaces) {
			return "";
		}

	};

	/**
	 * The URLs the surroundings import.
	 * @return the URLs, in their order
	 */
	List<String> imports();

	/**
	 * The text in front of the first line.
	 * @param namespaces the variables holding the namespaces of {@link #imports()}
	 * @return the text, without line breaks
	 */
	String prefix(List<String> namespaces);

	/**
	 * The lines after the code.
	 * @param namespaces the variables holding the namespaces of {@link #imports()}
	 * @return the lines, each ending with a line break
	 */
	String suffix(List<String> namespaces);

}

package io.velocity.hmr.compile;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The modules that imports of files other than scripts load, as in Vite: a JSON file is
 * its value as the default export plus a named export per top-level key that is an
 * identifier; {@code ?raw} is the file's text; {@code ?url} and an image, font or other
 * asset is its URL.
 */
public final class AssetModules {

	/**
	 * The query that asks for a file's text ({@code import text from './notes.md?raw'}).
	 */
	public static final String RAW_QUERY = "raw";

	/**
	 * The query that asks for a file's URL ({@code import href from './worker.js?url'}).
	 */
	public static final String URL_QUERY = "url";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private AssetModules() {
	}

	/**
	 * Write a JSON file as a module.
	 * @param path the file's path, for the problem when it is not JSON
	 * @param json its text
	 * @return the module
	 * @throws CompileProblemException if the text is not JSON
	 */
	public static String json(String path, String json) {
		JsonNode value;
		try {
			value = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			int column = (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : 0;
			throw new CompileProblemException(
					new CompileProblem(path, line, column, path + " is not valid JSON: " + ex.getOriginalMessage(),
							CompileProblems.frame(json, line, column)));
		}
		List<String> names = new ArrayList<>();
		if (value != null && value.isObject()) {
			value.propertyNames().stream().filter(Identifiers::isBindable).forEach(names::add);
		}
		StringBuilder code = new StringBuilder(json.length() + 128);
		code.append("const __velocity_json = ").append(mapper.writeValueAsString(value)).append(";\n");
		// What a CommonJS require() of the file returns (see CommonJsModules).
		code.append("export default __velocity_json;\nexport { __velocity_json as \"module.exports\" };\n");
		if (!names.isEmpty()) {
			code.append("export const { ").append(String.join(", ", names)).append(" } = __velocity_json;\n");
		}
		return code.toString();
	}

	/**
	 * Write a file's text as a module.
	 * @param text the text
	 * @return the module
	 */
	public static String raw(String text) {
		return "export default " + JsonStrings.quote(text) + ";\n";
	}

	/**
	 * Write a file's URL as a module.
	 * @param url the URL the file is served under
	 * @return the module
	 */
	public static String url(String url) {
		return "export default " + JsonStrings.quote(url) + ";\n";
	}

}

package io.velocity.hmr.compile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * What {@code import.meta.env} holds in a compiled module, as in Vite: {@code MODE},
 * {@code DEV}, {@code PROD}, {@code BASE_URL}, and the values the application chose to
 * expose. A module that mentions {@code import.meta.env} gets the object assigned on its
 * first line, so no line of the original moves; others are left alone.
 */
public final class ImportMetaEnv {

	/**
	 * Production values with nothing exposed.
	 */
	public static final ImportMetaEnv PRODUCTION = of(false, "/", Map.of());

	private final String prelude;

	private ImportMetaEnv(String prelude) {
		this.prelude = prelude;
	}

	/**
	 * Create the values.
	 * @param development whether the application runs in development (hot module
	 * replacement active)
	 * @param baseUrl the application's base URL, such as {@code /}
	 * @param exposed the values to expose, by name; never put secrets here: every browser
	 * can read them
	 * @return the values
	 */
	public static ImportMetaEnv of(boolean development, String baseUrl, Map<String, String> exposed) {
		Assert.notNull(exposed, "'exposed' must not be null");
		Map<String, String> values = new LinkedHashMap<>();
		exposed.forEach((name, value) -> values.put(name, JsonStrings.quote(value)));
		values.put("MODE", JsonStrings.quote(development ? "development" : "production"));
		values.put("DEV", String.valueOf(development));
		values.put("PROD", String.valueOf(!development));
		values.put("BASE_URL", JsonStrings.quote(baseUrl));
		StringBuilder object = new StringBuilder("import.meta.env = {");
		values.forEach((name, value) -> object.append(JsonStrings.quote(name)).append(": ").append(value).append(", "));
		object.setLength(object.length() - 2);
		return new ImportMetaEnv(object.append("};").toString());
	}

	/**
	 * The code that defines {@code import.meta.env} in a module, put before its first
	 * line.
	 * @param code the module's compiled code
	 * @return the code, or an empty string when the module does not use it
	 */
	String prelude(String code) {
		return code.contains("import.meta.env") ? this.prelude : "";
	}

}

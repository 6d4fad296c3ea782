package io.velocity.hmr.resolve;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The fields of a {@code package.json} that resolution reads.
 *
 * @param name the package name, or {@code null} when it has none
 * @param version the version, or {@code null}
 * @param module whether {@code "type": "module"}
 * @param exports the {@code exports} field, or {@code null}
 * @param imports the {@code imports} field, or {@code null}
 * @param moduleEntry the {@code module} field, or {@code null}
 * @param main the {@code main} field, or {@code null}
 */
public record PackageManifest(@Nullable String name, @Nullable String version, boolean module,
		@Nullable JsonNode exports, @Nullable JsonNode imports, @Nullable String moduleEntry, @Nullable String main) {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * A manifest with nothing but a main entry, for a jar that has no
	 * {@code package.json}.
	 * @param name the package name
	 * @param version the version
	 * @param main the main entry, or {@code null}
	 * @return the manifest
	 */
	static PackageManifest of(String name, String version, @Nullable String main) {
		return new PackageManifest(name, version, false, null, null, null, main);
	}

	/**
	 * Parse a {@code package.json}.
	 * @param content its bytes
	 * @param location where it is, for the message of an error
	 * @return the manifest
	 * @throws IllegalArgumentException if it is not a JSON object
	 */
	static PackageManifest parse(byte[] content, String location) {
		JsonNode json;
		try {
			json = mapper.readTree(new String(content, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(location + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (json == null || !json.isObject()) {
			throw new IllegalArgumentException(location + " is not a JSON object");
		}
		return new PackageManifest(text(json, "name"), text(json, "version"), "module".equals(text(json, "type")),
				node(json, "exports"), node(json, "imports"), text(json, "module"), text(json, "main"));
	}

	/**
	 * The {@code exports} field as an object keyed by subpath.
	 * @return the exports, empty when there is no {@code exports} field
	 */
	Optional<JsonNode> subpathExports() {
		if (this.exports == null) {
			return Optional.empty();
		}
		boolean subpaths = this.exports.isObject()
				&& this.exports.propertyNames().stream().anyMatch((key) -> key.startsWith("."));
		if (subpaths) {
			return Optional.of(this.exports);
		}
		// A string, an array or an object of conditions: all of it is the main entry.
		return Optional.of(JsonNodeFactory.instance.objectNode().set(".", this.exports));
	}

	private static @Nullable String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static @Nullable JsonNode node(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

}

package io.velocity.hmr.resolve;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Node's resolution of a {@code package.json} {@code exports} or {@code imports} map: an
 * exact key first, then the subpath pattern with the longest prefix ({@code "./*"},
 * {@code "./features/*.js"}), then a legacy folder key ({@code "./"}); a target is a
 * string, an array tried in order, or an object of conditions tried in the order written,
 * where the first condition that is active and resolves wins and {@code null} excludes
 * the subpath.
 */
final class PackageExports {

	/**
	 * The conditions a browser module is resolved with. Which of them wins is decided by
	 * the order the package writes them in, not by this set.
	 */
	static final Set<String> BROWSER_CONDITIONS = Set.of("browser", "import", "module", "default");

	private PackageExports() {
	}

	/**
	 * Resolve a key.
	 * @param map the {@code exports} (keyed by {@code .}, {@code ./sub}) or
	 * {@code imports} (keyed by {@code #name}) object
	 * @param key the key asked for
	 * @param conditions the active conditions
	 * @return the target path in the package, normalized, or empty when the key is not
	 * exported or excluded
	 */
	static Optional<String> resolve(JsonNode map, String key, Set<String> conditions) {
		JsonNode exact = map.get(key);
		if (exact != null && !key.contains("*")) {
			return target(exact, null, conditions);
		}
		String bestKey = null;
		String bestMatch = null;
		for (Map.Entry<String, JsonNode> entry : map.properties()) {
			String candidate = entry.getKey();
			int star = candidate.indexOf('*');
			if (star < 0 || star != candidate.lastIndexOf('*')) {
				continue;
			}
			String base = candidate.substring(0, star);
			String trailer = candidate.substring(star + 1);
			if (key.startsWith(base) && !key.equals(base) && key.endsWith(trailer) && key.length() >= candidate.length()
					&& isBetter(candidate, bestKey)) {
				bestKey = candidate;
				bestMatch = key.substring(base.length(), key.length() - trailer.length());
			}
		}
		if (bestKey != null) {
			// As Node: what '*' stands for may not step out with '.' or '..' segments.
			boolean valid = Arrays.stream(bestMatch.split("/", -1))
				.noneMatch((segment) -> segment.equals(".") || segment.equals(".."));
			return valid ? target(map.get(bestKey), bestMatch, conditions) : Optional.empty();
		}
		for (Map.Entry<String, JsonNode> entry : map.properties()) {
			String folder = entry.getKey();
			if (folder.endsWith("/") && key.startsWith(folder) && entry.getValue().isString()
					&& entry.getValue().stringValue().endsWith("/")) {
				return PackagePaths.target(entry.getValue().stringValue() + key.substring(folder.length()))
					.filter((path) -> !path.isEmpty());
			}
		}
		return Optional.empty();
	}

	// Node's PATTERN_KEY_COMPARE: the longer prefix before '*', then the longer key.
	private static boolean isBetter(String candidate, @Nullable String best) {
		if (best == null) {
			return true;
		}
		int candidateBase = candidate.indexOf('*');
		int bestBase = best.indexOf('*');
		return (candidateBase != bestBase) ? candidateBase > bestBase : candidate.length() > best.length();
	}

	private static Optional<String> target(JsonNode target, @Nullable String match, Set<String> conditions) {
		if (target.isString()) {
			String value = target.stringValue();
			if (!value.startsWith("./")) {
				return Optional.empty();
			}
			String path = (match != null) ? value.replace("*", match) : value;
			return PackagePaths.target(path).filter((normalized) -> !normalized.isEmpty());
		}
		if (target.isArray()) {
			for (JsonNode element : target.values()) {
				Optional<String> resolved = target(element, match, conditions);
				if (resolved.isPresent()) {
					return resolved;
				}
			}
			return Optional.empty();
		}
		if (target.isObject()) {
			for (Map.Entry<String, JsonNode> condition : target.properties()) {
				if (conditions.contains(condition.getKey())) {
					if (condition.getValue().isNull()) {
						return Optional.empty();
					}
					Optional<String> resolved = target(condition.getValue(), match, conditions);
					if (resolved.isPresent()) {
						return resolved;
					}
				}
			}
		}
		return Optional.empty();
	}

}

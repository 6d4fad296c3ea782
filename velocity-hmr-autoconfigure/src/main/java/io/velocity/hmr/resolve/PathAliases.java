package io.velocity.hmr.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code compilerOptions.paths} aliases of a {@code tsconfig.json}, such as
 * {@code "@/*": ["src/main/frontend/*"]}, mapped to module paths: a target is resolved
 * against the {@code baseUrl} (else the file's directory) and kept when it lies in one of
 * the source roots, so {@code @/store} becomes the module path {@code store}, which is
 * then found as any import is (extensions, index files). Read once; {@code extends} is
 * not followed.
 */
public final class PathAliases {

	private static final Log logger = LogFactory.getLog(PathAliases.class);

	/**
	 * No aliases.
	 */
	public static final PathAliases NONE = new PathAliases(List.of());

	private final List<Alias> aliases;

	private PathAliases(List<Alias> aliases) {
		this.aliases = aliases;
	}

	/**
	 * Read the aliases of a {@code tsconfig.json}.
	 * @param tsconfig the file; when it does not exist there are no aliases
	 * @param sourceRoots the source roots, existing or not, that targets must lie in
	 * @return the aliases
	 */
	public static PathAliases read(Path tsconfig, List<Path> sourceRoots) {
		if (!Files.isRegularFile(tsconfig)) {
			return NONE;
		}
		JsonNode options;
		try {
			options = Json.mapper.readTree(Files.readString(tsconfig)).path("compilerOptions");
		}
		catch (IOException | JacksonException ex) {
			logger.warn("Velocity HMR ignores the path aliases of " + tsconfig + ": " + ex.getMessage());
			return NONE;
		}
		Path directory = tsconfig.toAbsolutePath().normalize().getParent();
		Path base = options.path("baseUrl").isString()
				? directory.resolve(options.path("baseUrl").stringValue()).normalize() : directory;
		List<Alias> aliases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : options.path("paths").properties()) {
			List<String> targets = new ArrayList<>();
			for (JsonNode target : entry.getValue().values()) {
				if (target.isString()) {
					modulePath(base.resolve(target.stringValue()).normalize(), sourceRoots).ifPresent(targets::add);
				}
			}
			aliases.add(new Alias(entry.getKey(), List.copyOf(targets)));
		}
		return new PathAliases(List.copyOf(aliases));
	}

	/**
	 * The module paths a specifier stands for, in the order to try them.
	 * @param specifier the specifier, such as {@code @/store}
	 * @return the module paths, such as {@code store}; empty when no alias matches or
	 * none of its targets is in a source root
	 */
	public List<String> resolve(String specifier) {
		for (Alias alias : this.aliases) {
			String match = alias.match(specifier);
			if (match != null) {
				return alias.targets().stream().map((target) -> target.replace("*", match)).toList();
			}
		}
		return List.of();
	}

	private static Optional<String> modulePath(Path target, List<Path> sourceRoots) {
		for (Path root : sourceRoots) {
			Path absolute = root.toAbsolutePath().normalize();
			if (target.startsWith(absolute) && !target.equals(absolute)) {
				return Optional.of(absolute.relativize(target).toString().replace('\\', '/'));
			}
		}
		return Optional.empty();
	}

	private record Alias(String pattern, List<String> targets) {

		// The part of the specifier that '*' stands for, "" for an exact match, or null.
		String match(String specifier) {
			int star = this.pattern.indexOf('*');
			if (star < 0) {
				return this.pattern.equals(specifier) ? "" : null;
			}
			String prefix = this.pattern.substring(0, star);
			String suffix = this.pattern.substring(star + 1);
			if (specifier.length() >= prefix.length() + suffix.length() && specifier.startsWith(prefix)
					&& specifier.endsWith(suffix)) {
				return specifier.substring(prefix.length(), specifier.length() - suffix.length());
			}
			return null;
		}

	}

	/**
	 * Made when a tsconfig.json is first read, not as the application starts.
	 */
	private static final class Json {

		static final JsonMapper mapper = JsonMapper.builder()
			.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
			.build();

	}

}

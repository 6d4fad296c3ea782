package io.velocity.hmr.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One module to apply in an {@link HmrMessage.Update}, named as Vite names them: the
 * boundary ({@code path}) and the module it accepts ({@code acceptedPath}), which the
 * client evaluates anew. The code travels inline, so that the client needs no further
 * request.
 *
 * @param type whether the module is JavaScript or a style sheet
 * @param path the URL of the boundary: the module whose hot context applies the update
 * @param acceptedPath the URL of the module to evaluate anew: the boundary itself when it
 * accepts itself, else the import of the boundary's that it accepts
 * @param timestamp the version stamp of the update, in epoch milliseconds; importers
 * request the updated modules with it ({@code ?t=})
 * @param code the compiled code of the accepted module, or {@code null} when the client
 * must fetch it ({@code acceptedPath?t=timestamp})
 * @param imports the import URLs exactly as they appear as string literals in the code,
 * so that a client evaluating it from a blob can make them absolute
 * @param define the accepted module in the registry form of a bundled page (one
 * {@code __velocity_hmr__.define("acceptedPath?t=timestamp", …)} statement), so that a
 * bundled page needs no request either; absent when bundling is off, or when the module
 * could not be written so, and then a bundled page fetches it
 */
public record ModuleUpdate(Type type, String path, String acceptedPath, long timestamp, @Nullable String code,
		List<String> imports, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String define) {

	public ModuleUpdate {
		Assert.notNull(type, "'type' must not be null");
		Assert.hasText(path, "'path' must not be empty");
		Assert.hasText(acceptedPath, "'acceptedPath' must not be empty");
		imports = (imports != null) ? List.copyOf(imports) : List.of();
	}

	public ModuleUpdate(Type type, String path, String acceptedPath, long timestamp, @Nullable String code,
			List<String> imports) {
		this(type, path, acceptedPath, timestamp, code, imports, null);
	}

	public ModuleUpdate(Type type, String path, String acceptedPath, long timestamp, @Nullable String code) {
		this(type, path, acceptedPath, timestamp, code, List.of());
	}

	/**
	 * The kind of module that changed.
	 */
	public enum Type {

		/**
		 * A JavaScript module, imported again by the client.
		 */
		@JsonProperty("js")
		JS,

		/**
		 * A style sheet, swapped in place by the client.
		 */
		@JsonProperty("css")
		CSS

	}

}

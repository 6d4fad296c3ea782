package io.velocity.hmr.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A module that an {@link HmrMessage.Update} versions anew without accepting it, such as
 * a utility module between a change and the component that accepts it. The client
 * disposes of the instance it has and evaluates the new code before the accepted modules,
 * so that their import of {@code path?t=timestamp} needs no request to the server. A
 * module in an import cycle comes without code: evaluated from inline code, a module of
 * the cycle could not name the other's URL, so the browser fetches it.
 *
 * @param path the module's URL, without a version stamp; it is versioned with the
 * update's timestamp
 * @param code the compiled code of the module, or {@code null} when the browser fetches
 * it
 * @param imports the import URLs exactly as they appear as string literals in the code
 * @param define the module in the registry form of a bundled page, defined under
 * {@code path?t=timestamp}, as {@link ModuleUpdate#define()}; also for a module in an
 * import cycle, since the registry names modules by key rather than by URL; absent when
 * bundling is off or the module could not be written so
 */
public record InlineModule(String path, @Nullable String code, List<String> imports,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String define) {

	public InlineModule {
		Assert.hasText(path, "'path' must not be empty");
		imports = (imports != null) ? List.copyOf(imports) : List.of();
	}

	public InlineModule(String path, @Nullable String code, List<String> imports) {
		this(path, code, imports, null);
	}

}

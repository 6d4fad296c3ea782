package io.velocity.hmr.protocol;

import java.util.List;

import org.springframework.util.Assert;

/**
 * The code of a module that an {@link HmrMessage.Update} versions anew without accepting
 * it, such as a utility module between a change and the component that accepts it. The
 * client evaluates it before the accepted modules, so that their import of
 * {@code path?t=timestamp} needs no request to the server.
 *
 * @param path the module's URL, without a version stamp; it is versioned with the
 * update's timestamp
 * @param code the compiled code of the module
 * @param imports the import URLs exactly as they appear as string literals in the code
 */
public record InlineModule(String path, String code, List<String> imports) {

	public InlineModule {
		Assert.hasText(path, "'path' must not be empty");
		Assert.notNull(code, "'code' must not be null");
		imports = (imports != null) ? List.copyOf(imports) : List.of();
	}

}

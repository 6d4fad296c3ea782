package io.velocity.hmr.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * One changed module in an {@link HmrMessage.Update}. The code travels inline, so that
 * the client applies the update without fetching the module again.
 *
 * @param type whether the module is JavaScript or a style sheet
 * @param path the URL of the changed module
 * @param acceptedPath the URL of the module whose hot context accepts the change (the
 * module itself when it accepts itself)
 * @param timestamp when the module changed, in epoch milliseconds; the client appends it
 * to the module URL to bypass the browser's module cache
 * @param code the compiled module code
 */
public record ModuleUpdate(Type type, String path, String acceptedPath, long timestamp, String code) {

	public ModuleUpdate {
		Assert.notNull(type, "'type' must not be null");
		Assert.hasText(path, "'path' must not be empty");
		Assert.hasText(acceptedPath, "'acceptedPath' must not be empty");
		Assert.notNull(code, "'code' must not be null");
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

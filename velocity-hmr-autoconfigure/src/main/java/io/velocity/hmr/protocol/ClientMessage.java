package io.velocity.hmr.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A message the browser client sends to the server over the HMR socket.
 *
 * @see HmrMessage
 * @see HmrMessageCodec
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
		@JsonSubTypes.Type(value = ClientMessage.Updated.class, name = "updated"),
		@JsonSubTypes.Type(value = ClientMessage.Invalidate.class, name = "invalidate") })
public sealed interface ClientMessage {

	/**
	 * Keeps the connection alive and checks that the server answers; answered with
	 * {@link HmrMessage.Pong}.
	 */
	record Ping() implements ClientMessage {

	}

	/**
	 * Acknowledges that the client applied an update.
	 *
	 * @param paths the URLs of the modules the client applied
	 * @param applyMillis how long applying took in the browser, in milliseconds
	 * @param timestamp the timestamp of the update that was applied
	 */
	record Updated(List<String> paths, double applyMillis, long timestamp) implements ClientMessage {

		public Updated {
			Assert.notNull(paths, "'paths' must not be null");
			paths = List.copyOf(paths);
		}

	}

	/**
	 * Reports that a module called {@code import.meta.hot.invalidate()}: it cannot apply
	 * its own update, so the server propagates the change from the module's importers.
	 *
	 * @param path the URL of the module that invalidated itself
	 * @param message why, as the module gave it, or {@code null}
	 */
	record Invalidate(String path, @Nullable String message) implements ClientMessage {

		public Invalidate {
			Assert.hasText(path, "'path' must not be empty");
		}

	}

}

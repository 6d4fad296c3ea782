package io.velocity.hmr.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.velocity.hmr.compile.CompileProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A message the server sends to the browser client over the HMR socket. Its JSON form
 * carries the message kind in a {@code type} property that the client switches on.
 *
 * @see ClientMessage
 * @see HmrMessageCodec
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = HmrMessage.Connected.class, name = "connected"),
		@JsonSubTypes.Type(value = HmrMessage.Update.class, name = "update"),
		@JsonSubTypes.Type(value = HmrMessage.FullReload.class, name = "full-reload"),
		@JsonSubTypes.Type(value = HmrMessage.CompileError.class, name = "error"),
		@JsonSubTypes.Type(value = HmrMessage.Prune.class, name = "prune"),
		@JsonSubTypes.Type(value = HmrMessage.Pong.class, name = "pong") })
public sealed interface HmrMessage {

	/**
	 * Sent once when a client connects.
	 *
	 * @param instanceId identifies this server run, so that a client that reconnects can
	 * tell that the server was restarted
	 */
	record Connected(String instanceId) implements HmrMessage {

		public Connected {
			Assert.hasText(instanceId, "'instanceId' must not be empty");
		}

	}

	/**
	 * Modules that changed, each with the boundary that accepts it and its new code.
	 *
	 * @param updates the module updates, in the order the client applies them
	 * @param timestamp when the change was detected, in epoch milliseconds
	 * @param stages how long each server stage took, in milliseconds, keyed by stage name
	 * ({@code quiet}, {@code compile}, {@code graph}, {@code total}), and the wall-clock
	 * times {@code detectedAt} and {@code sentAt} in epoch milliseconds with microsecond
	 * resolution; may be empty
	 * @param modules the code of the other modules the update versions with its
	 * timestamp, which the accepted modules import; each comes after the modules it
	 * imports, and the client evaluates them in this order before the updates; may be
	 * empty
	 * @param reloads modules the change reaches without a boundary: a page that loaded
	 * one of them reloads instead of applying the updates; may be empty
	 */
	record Update(List<ModuleUpdate> updates, long timestamp, Map<String, Double> stages, List<InlineModule> modules,
			List<Reload> reloads) implements HmrMessage {

		public Update {
			Assert.notNull(updates, "'updates' must not be null");
			updates = List.copyOf(updates);
			// Keep the stage order for readable logs and a stable wire form.
			stages = (stages != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(stages)) : Map.of();
			modules = (modules != null) ? List.copyOf(modules) : List.of();
			reloads = (reloads != null) ? List.copyOf(reloads) : List.of();
		}

		public Update(List<ModuleUpdate> updates, long timestamp, Map<String, Double> stages,
				List<InlineModule> modules) {
			this(updates, timestamp, stages, modules, List.of());
		}

		public Update(List<ModuleUpdate> updates, long timestamp, Map<String, Double> stages) {
			this(updates, timestamp, stages, List.of());
		}

		public Update(List<ModuleUpdate> updates, long timestamp) {
			this(updates, timestamp, Map.of());
		}

	}

	/**
	 * Asks the client to reload the whole page, because no boundary accepts a change.
	 *
	 * @param reason why, in words for the browser console
	 * @param path the URL of the module no boundary accepts the change for, or
	 * {@code null} when every page reloads (a template changed, say)
	 * @param paths every such module, {@code path} first: only a page that loaded one of
	 * them reloads; empty when every page does
	 */
	record FullReload(String reason, @Nullable String path, List<String> paths) implements HmrMessage {

		public FullReload {
			Assert.hasText(reason, "'reason' must not be empty");
			paths = (paths != null) ? List.copyOf(paths) : (path != null) ? List.of(path) : List.of();
		}

		public FullReload(String reason, @Nullable String path) {
			this(reason, path, null);
		}

	}

	/**
	 * A module a change reaches without a boundary, in an {@link Update}: a page that
	 * loaded it reloads.
	 *
	 * @param path the module's URL
	 * @param reason why, for the browser console
	 */
	record Reload(String path, String reason) {

		public Reload {
			Assert.hasText(path, "'path' must not be empty");
			Assert.hasText(reason, "'reason' must not be empty");
		}

	}

	/**
	 * A module could not be compiled; the client shows it in the overlay.
	 *
	 * @param message what is wrong
	 * @param file the module path relative to its source root
	 * @param line the 1-based line, or 0 when unknown
	 * @param column the 1-based column, or 0 when unknown
	 * @param frame source lines around the place with a caret, or an empty string
	 */
	record CompileError(String message, String file, int line, int column, String frame) implements HmrMessage {

		public CompileError {
			Assert.hasText(message, "'message' must not be empty");
			Assert.notNull(file, "'file' must not be null");
			frame = (frame != null) ? frame : "";
		}

		/**
		 * Create a message for a compile problem.
		 * @param problem the problem
		 * @return the message
		 */
		public static CompileError of(CompileProblem problem) {
			Assert.notNull(problem, "'problem' must not be null");
			return new CompileError(problem.message(), problem.file(), problem.line(), problem.column(),
					problem.frame());
		}

	}

	/**
	 * Modules that are no longer imported by any module; the client runs their prune
	 * callbacks.
	 *
	 * @param paths the module URLs
	 */
	record Prune(List<String> paths) implements HmrMessage {

		public Prune {
			Assert.notNull(paths, "'paths' must not be null");
			paths = List.copyOf(paths);
		}

	}

	/**
	 * The answer to a client's {@link ClientMessage.Ping}.
	 */
	record Pong() implements HmrMessage {

	}

}

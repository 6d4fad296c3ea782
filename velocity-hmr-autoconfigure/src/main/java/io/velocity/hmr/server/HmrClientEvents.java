package io.velocity.hmr.server;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.protocol.HmrMessage;

/**
 * What the HMR socket tells the rest of the server about its clients.
 */
public interface HmrClientEvents {

	/**
	 * No reaction to client events.
	 */
	HmrClientEvents NONE = new HmrClientEvents() {
	};

	/**
	 * Return the messages a client gets right after {@code connected}, such as a compile
	 * problem that stands, so a page opened while a module is broken shows it.
	 * @return the messages, in order
	 */
	default List<HmrMessage> greeting() {
		return List.of();
	}

	/**
	 * A client's module asked to be invalidated ({@code import.meta.hot.invalidate()}):
	 * its update must propagate to its importers.
	 * @param url the module's URL
	 * @param message why, from the module, or {@code null}
	 */
	default void invalidate(String url, @Nullable String message) {
	}

}

package io.velocity.hmr.server;

import org.springframework.util.Assert;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers the HMR socket at {@value #PATH}, plain WebSocket without STOMP or SockJS.
 * <p>
 * {@link HmrHandshakeInterceptor} decides which origins may connect. Spring's own origin
 * check, which every registration gets and which admits only same-origin requests by
 * default, is opened to all origins so that it does not refuse the origins configured in
 * {@code velocity.hmr.client.allowed-origins}.
 */
public final class HmrWebSocketConfigurer implements WebSocketConfigurer {

	/**
	 * Path of the HMR socket.
	 */
	public static final String PATH = "/__hmr";

	private final HmrWebSocketHandler handler;

	private final HmrHandshakeInterceptor interceptor;

	public HmrWebSocketConfigurer(HmrWebSocketHandler handler, HmrHandshakeInterceptor interceptor) {
		Assert.notNull(handler, "'handler' must not be null");
		Assert.notNull(interceptor, "'interceptor' must not be null");
		this.handler = handler;
		this.interceptor = interceptor;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, PATH).addInterceptors(this.interceptor).setAllowedOriginPatterns("*");
	}

}

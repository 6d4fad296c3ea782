package io.velocity.hmr.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Admits an upgrade to the HMR socket only for a request to one of the
 * {@link AllowedHosts} that presents the {@link HmrToken} as query parameter
 * {@value #TOKEN_PARAMETER} and comes from the application's own origin or one of the
 * allowed origins. Any other upgrade is answered with 403. A request without an
 * {@code Origin} header is refused as well: browsers always send one, so only other
 * clients lack it, and they must send one too.
 */
public final class HmrHandshakeInterceptor implements HandshakeInterceptor {

	/**
	 * Name of the query parameter that carries the token.
	 */
	public static final String TOKEN_PARAMETER = "token";

	private static final Log logger = LogFactory.getLog(HmrHandshakeInterceptor.class);

	private final HmrToken token;

	private final Set<String> allowedOrigins;

	private final AllowedHosts allowedHosts;

	/**
	 * Create an interceptor.
	 * @param token the token a client must present
	 * @param allowedOrigins origins such as {@code http://localhost:5173} allowed besides
	 * the application's own
	 */
	public HmrHandshakeInterceptor(HmrToken token, Collection<String> allowedOrigins) {
		this(token, allowedOrigins, AllowedHosts.LOCAL);
	}

	/**
	 * Create an interceptor.
	 * @param token the token a client must present
	 * @param allowedOrigins origins such as {@code http://localhost:5173} allowed besides
	 * the application's own
	 * @param allowedHosts the hosts the socket answers to
	 */
	public HmrHandshakeInterceptor(HmrToken token, Collection<String> allowedOrigins, AllowedHosts allowedHosts) {
		Assert.notNull(token, "'token' must not be null");
		Assert.notNull(allowedOrigins, "'allowedOrigins' must not be null");
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		this.token = token;
		this.allowedHosts = allowedHosts;
		this.allowedOrigins = allowedOrigins.stream()
			.map(HmrHandshakeInterceptor::normalizeAllowed)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			Map<String, Object> attributes) {
		if (admits(request)) {
			return true;
		}
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			@Nullable Exception exception) {
	}

	private boolean admits(ServerHttpRequest request) {
		String refusedHost = (request instanceof ServletServerHttpRequest servletRequest)
				? AllowedHostsFilter.refusedHost(servletRequest.getServletRequest(), this.allowedHosts)
				: (this.allowedHosts.allows(request.getHeaders().getFirst("Host")) ? null
						: request.getHeaders().getFirst("Host"));
		if (refusedHost != null) {
			logger.warn("Refused HMR socket to host '" + LogText.escape(refusedHost)
					+ "': add it to velocity.hmr.allowed-hosts if you use that name");
			return false;
		}
		String origin = request.getHeaders().getOrigin();
		if (origin == null) {
			logger.warn("Refused HMR socket from " + request.getRemoteAddress() + ": the request has no Origin header");
			return false;
		}
		String ownOrigin = normalize(request.getURI().toString());
		String normalizedOrigin = normalize(origin);
		if (normalizedOrigin == null
				|| !(normalizedOrigin.equals(ownOrigin) || this.allowedOrigins.contains(normalizedOrigin))) {
			logger.warn("Refused HMR socket from origin '" + LogText.escape(origin)
					+ "': it is neither the application's own origin '" + ownOrigin
					+ "' nor listed in 'velocity.hmr.client.allowed-origins'");
			return false;
		}
		if (!this.token.matches(tokenOf(request.getURI()))) {
			// Usually a page rendered before the server restarted; reloading it fixes
			// that.
			logger.debug("Refused HMR socket from origin '" + LogText.escape(origin) + "': missing or wrong token");
			return false;
		}
		return true;
	}

	private static @Nullable String tokenOf(URI uri) {
		String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(TOKEN_PARAMETER);
		return (value != null) ? UriUtils.decode(value, StandardCharsets.UTF_8) : null;
	}

	private static String normalizeAllowed(String origin) {
		String normalized = normalize(origin);
		Assert.isTrue(normalized != null,
				() -> "Allowed origin '" + origin + "' must be scheme://host[:port], such as http://localhost:5173");
		return normalized;
	}

	/**
	 * Return {@code scheme://host:port} with WebSocket schemes mapped to their HTTP
	 * counterparts and the default port made explicit, or {@code null} when the text is
	 * not an origin.
	 */
	static @Nullable String normalize(String text) {
		URI uri;
		try {
			uri = URI.create(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		scheme = switch (scheme) {
			case "http", "ws" -> "http";
			case "https", "wss" -> "https";
			default -> null;
		};
		if (scheme == null || uri.getHost() == null) {
			return null;
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
	}

}

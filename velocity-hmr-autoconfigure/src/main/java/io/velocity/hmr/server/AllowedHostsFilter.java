package io.velocity.hmr.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers requests to the development endpoints (the modules, the client script with the
 * socket's token, the socket) with 403 unless their host is one of the
 * {@link AllowedHosts}. The {@code Host} header and every forwarded host are checked: a
 * page that reached the server through DNS rebinding is same-origin to the browser and
 * may add forwarded headers of its own.
 */
public final class AllowedHostsFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(AllowedHostsFilter.class);

	private static final List<String> FORWARDED_HOST_HEADERS = List.of("X-Forwarded-Host", "X-Original-Host");

	// Each refused host is logged once; the set is bounded so a flood cannot grow it.
	private static final int MAX_LOGGED_HOSTS = 100;

	private final AllowedHosts allowedHosts;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new filter.
	 * @param allowedHosts the hosts to answer
	 */
	public AllowedHostsFilter(AllowedHosts allowedHosts) {
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		this.allowedHosts = allowedHosts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refused = refusedHost(request, this.allowedHosts);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		if (this.logged.size() < MAX_LOGGED_HOSTS && this.logged.add(refused)) {
			logger.warn("Refused a request for " + LogText.escape(request.getRequestURI()) + " to host '"
					+ LogText.escape(refused) + "': add it to velocity.hmr.allowed-hosts if you use that name");
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		byte[] body = ("Blocked request: this host is not allowed. To allow it, add it to velocity.hmr.allowed-hosts.\n")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * Return the first host of a request that is not allowed, or {@code null}.
	 * @param request the request
	 * @param allowedHosts the hosts to answer
	 * @return the refused host header value, or {@code null}
	 */
	static String refusedHost(HttpServletRequest request, AllowedHosts allowedHosts) {
		String host = request.getHeader("Host");
		if (!allowedHosts.allows(host)) {
			return host;
		}
		for (String name : FORWARDED_HOST_HEADERS) {
			for (Enumeration<String> values = headers(request, name); values.hasMoreElements();) {
				for (String value : values.nextElement().split(",")) {
					if (!allowedHosts.allows(value)) {
						return value.strip();
					}
				}
			}
		}
		return null;
	}

	private static Enumeration<String> headers(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		return (values != null) ? values : Collections.emptyEnumeration();
	}

}

package io.velocity.hmr.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Injects the HMR client script into every HTML response the browser renders as a page,
 * exactly once: static pages, the welcome page forward, template views, HTML strings from
 * controllers, login and error pages. HTML a script, a style sheet or a fetch asked for
 * (by {@code Sec-Fetch-Dest}) is left alone. Registered for REQUEST, FORWARD and ERROR
 * dispatches. Each dispatch that writes a body holds and injects it; a forward takes over
 * from the request it came from, because the container closes the response when the
 * forward returns.
 */
public class HtmlScriptInjectionFilter implements Filter {

	private static final String WRAPPING = HtmlScriptInjectionFilter.class.getName() + ".WRAPPING";

	private static final Set<String> CONDITIONAL_HEADERS = Set.of("if-none-match", "if-modified-since");

	/**
	 * What a browser renders as a page, by its {@code Sec-Fetch-Dest} header. Anything
	 * else (a script, a style sheet, an image, a fetch) is HTML only by mistake, such as
	 * a login page a script request was redirected to, or a fragment to insert.
	 */
	private static final Set<String> PAGE_DESTINATIONS = Set.of("document", "iframe", "frame", "embed", "object");

	private final HtmlTransform transform;

	/**
	 * Create a filter that injects the client script only.
	 */
	public HtmlScriptInjectionFilter() {
		this((ModulePreloads) null);
	}

	/**
	 * Create a filter that injects the client script and module preload hints.
	 * @param preloads computes the hints for a page, or {@code null} for none
	 */
	public HtmlScriptInjectionFilter(@Nullable ModulePreloads preloads) {
		this(new ClientScriptTransform(preloads));
	}

	/**
	 * Create a filter that transforms every HTML page in another way.
	 * @param transform what to do to a page
	 */
	public HtmlScriptInjectionFilter(HtmlTransform transform) {
		this.transform = transform;
	}

	/**
	 * Return what the development filter does to a page: add the client script, preceded
	 * by the page's preload hints.
	 * @param preloads computes the hints for a page, or {@code null} for none
	 * @return the transform
	 */
	public static HtmlTransform clientScript(@Nullable ModulePreloads preloads) {
		return new ClientScriptTransform(preloads);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Object outer = request.getAttribute(WRAPPING);
		boolean forward = request.getDispatcherType() == DispatcherType.FORWARD;
		if (!(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse) || (outer != null && !forward)
				|| !isForPage(httpRequest)) {
			chain.doFilter(request, response);
			return;
		}
		if (outer instanceof HtmlInjectingResponse outerResponse) {
			// The container closes the response as soon as a forward returns, before the
			// outer dispatch could write what it held: the forward injects instead.
			outerResponse.passThrough();
		}
		HtmlInjectingResponse wrapped = new HtmlInjectingResponse(httpResponse, this.transform);
		request.setAttribute(WRAPPING, wrapped);
		try {
			chain.doFilter(isNavigation(httpRequest) ? new UnconditionalRequest(httpRequest) : request, wrapped);
		}
		finally {
			if (outer != null) {
				request.setAttribute(WRAPPING, outer);
			}
			else {
				request.removeAttribute(WRAPPING);
			}
		}
		if (request.isAsyncStarted()) {
			wrapped.passThrough();
		}
		else {
			wrapped.finish();
		}
	}

	/**
	 * Whether the response may be rendered as a page: the browser says so, or sends no
	 * {@code Sec-Fetch-Dest} (an older browser, a tool).
	 */
	private static boolean isForPage(HttpServletRequest request) {
		String destination = request.getHeader("Sec-Fetch-Dest");
		return destination == null || PAGE_DESTINATIONS.contains(destination.toLowerCase(Locale.ROOT));
	}

	/**
	 * A page the browser navigates to. Its cached copy may carry the token of an earlier
	 * server process, so it is always sent in full.
	 */
	private static boolean isNavigation(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

	/**
	 * The client script, preceded by the page's preload hints.
	 */
	private record ClientScriptTransform(@Nullable ModulePreloads preloads) implements HtmlTransform {

		@Override
		public String transform(String html, @Nullable String nonce) {
			String preloadTags = (this.preloads != null && !HtmlInjector.hasClientScript(html))
					? this.preloads.tags(html, nonce) : "";
			return HtmlInjector.inject(html, nonce, preloadTags);
		}

		@Override
		public String cacheControl() {
			// The page carries a per-process token: never let a browser keep it.
			return "no-store";
		}

	}

	/**
	 * Hides the request's conditional headers.
	 */
	private static final class UnconditionalRequest extends HttpServletRequestWrapper {

		UnconditionalRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return isConditional(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isConditional(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public long getDateHeader(String name) {
			return isConditional(name) ? -1 : super.getDateHeader(name);
		}

		private static boolean isConditional(String name) {
			return CONDITIONAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}

	}

}

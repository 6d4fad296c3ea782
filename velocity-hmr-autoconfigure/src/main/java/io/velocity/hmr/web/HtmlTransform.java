package io.velocity.hmr.web;

import org.jspecify.annotations.Nullable;

/**
 * What {@link HtmlScriptInjectionFilter} does to each HTML page it holds: in development,
 * add the client script and the preload hints; in production, point the module scripts at
 * the built files.
 */
public interface HtmlTransform {

	/**
	 * Return the page changed.
	 * @param html the page as the application wrote it
	 * @param nonce the nonce the page's Content-Security-Policy allows scripts with, or
	 * {@code null}
	 * @return the page to send
	 */
	String transform(String html, @Nullable String nonce);

	/**
	 * The {@code Cache-Control} of a changed page that the application set none for.
	 * @return the header value, or {@code null} to leave it unset
	 */
	default @Nullable String cacheControl() {
		return null;
	}

}

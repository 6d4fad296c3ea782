package io.velocity.hmr.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Places the client script tag in an HTML document: right after the opening
 * {@code <head>}, else at the start of the document (after a doctype, which must stay
 * first or the page falls into quirks mode). First, so that the client runs before the
 * page's own module scripts and sees one fail to load. Other head tags (preload hints) go
 * before {@code </head>}.
 */
final class HtmlInjector {

	/**
	 * What every injected tag contains, to recognise a document that already has it.
	 */
	static final String MARKER = ClientAssetRequestHandler.PATH + "/hmr-client.js";

	// The client's own script tag: a preload hint of it (a bundled page has one) does not
	// load it before the page's module scripts, and does not run it at all if they fail.
	private static final Pattern CLIENT_SCRIPT = Pattern
		.compile("<script\\b[^>]*\\ssrc\\s*=\\s*[\"']?[^\"'\\s>]*" + Pattern.quote(MARKER), Pattern.CASE_INSENSITIVE);

	private static final Pattern HEAD_OPEN = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

	private static final Pattern DOCTYPE = Pattern.compile("^\\s*<!doctype[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

	private static final Pattern SCRIPT_NONCE = Pattern
		.compile("<script\\b[^>]*?\\snonce\\s*=\\s*[\"']?([A-Za-z0-9+/=_-]+)", Pattern.CASE_INSENSITIVE);

	private HtmlInjector() {
	}

	/**
	 * Return the document with the client script tag added once.
	 * @param html the document
	 * @param nonce the CSP nonce to put on the tag, or {@code null}
	 * @return the document with the tag, or the same document if it has one already
	 */
	static String inject(String html, @Nullable String nonce) {
		return inject(html, nonce, "");
	}

	/**
	 * Return the document with the client script tag, preceded by other head tags, added
	 * once.
	 * @param html the document
	 * @param nonce the CSP nonce to put on the tag, or {@code null}
	 * @param headTags tags to add before the script tag, such as module preload hints
	 * @return the document with the tags, or the same document if it has the script tag
	 * already
	 */
	static String inject(String html, @Nullable String nonce, String headTags) {
		if (hasClientScript(html)) {
			return html;
		}
		int headClose = html.toLowerCase(Locale.ROOT).indexOf("</head>");
		String tags = headTags;
		if (headClose >= 0 && !headTags.isEmpty()) {
			html = html.substring(0, headClose) + headTags + html.substring(headClose);
			tags = "";
		}
		Matcher headOpen = HEAD_OPEN.matcher(html);
		int start;
		if (headOpen.find()) {
			start = headOpen.end();
		}
		else {
			Matcher doctype = DOCTYPE.matcher(html);
			start = doctype.find() ? doctype.end() : 0;
		}
		return html.substring(0, start) + tag(nonce) + tags + html.substring(start);
	}

	/**
	 * Whether a document has the client script tag already.
	 * @param html the document
	 * @return whether it has
	 */
	static boolean hasClientScript(String html) {
		return html.contains(MARKER) && CLIENT_SCRIPT.matcher(html).find();
	}

	/**
	 * Return the nonce that a Content-Security-Policy allows scripts with, if any.
	 * @param policy the header value, or {@code null}
	 * @return the nonce, or {@code null}
	 */
	static @Nullable String nonce(@Nullable String policy) {
		if (policy == null) {
			return null;
		}
		for (String directive : policy.split(";")) {
			String trimmed = directive.trim();
			if (trimmed.startsWith("script-src ") || trimmed.startsWith("script-src-elem ")
					|| trimmed.startsWith("default-src ")) {
				Matcher matcher = NONCE.matcher(trimmed);
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
		}
		return null;
	}

	/**
	 * Return the nonce to put on the client script tag: the one the
	 * Content-Security-Policy header allows scripts with, else the one the page's own
	 * scripts carry (a policy in a meta tag, or a header added by a proxy).
	 * @param policy the header value, or {@code null}
	 * @param html the document
	 * @return the nonce, or {@code null}
	 */
	static @Nullable String nonce(@Nullable String policy, String html) {
		String nonce = nonce(policy);
		if (nonce != null) {
			return nonce;
		}
		Matcher script = SCRIPT_NONCE.matcher(html);
		return script.find() ? script.group(1) : null;
	}

	private static String tag(@Nullable String nonce) {
		String nonceAttribute = (nonce != null) ? " nonce=\"" + nonce + "\"" : "";
		return "<script type=\"module\" src=\"" + MARKER + "\"" + nonceAttribute + "></script>";
	}

}

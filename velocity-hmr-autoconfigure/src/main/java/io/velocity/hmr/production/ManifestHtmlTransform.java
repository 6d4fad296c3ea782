package io.velocity.hmr.production;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.velocity.hmr.web.HtmlTransform;

/**
 * Points a page at the production build: each {@code <script type="module">} and
 * {@code <link rel="stylesheet">} whose URL is an entry gets the built file's URL, and
 * the head gets, for the page's module entries, a {@code <link rel="modulepreload">} per
 * chunk they import (so the browser fetches them with the entry, not after it) and a
 * {@code <link rel="stylesheet">} per style sheet extracted from them, and the import map
 * when the build left bare specifiers to the browser. Tags carry the page's CSP nonce, if
 * it has one.
 */
public class ManifestHtmlTransform implements HtmlTransform {

	private static final Pattern SRC = Pattern.compile("(\\bsrc\\s*=\\s*[\"'])([^\"']+)([\"'])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HREF = Pattern.compile("(\\bhref\\s*=\\s*[\"'])([^\"']+)([\"'])",
			Pattern.CASE_INSENSITIVE);

	private final BuildManifest manifest;

	/**
	 * Create a new instance.
	 * @param manifest the build's manifest
	 */
	public ManifestHtmlTransform(BuildManifest manifest) {
		this.manifest = manifest;
	}

	@Override
	public String transform(String html, @Nullable String nonce) {
		Set<String> preloads = new LinkedHashSet<>();
		Set<String> styleSheets = new LinkedHashSet<>();
		String result = rewrite(html, PageTags.SCRIPT, PageTags.MODULE_TYPE, SRC, (entry) -> {
			preloads.addAll(entry.imports());
			styleSheets.addAll(entry.css());
		});
		result = rewrite(result, PageTags.LINK, PageTags.STYLESHEET, HREF, (entry) -> {
		});
		boolean hasModules = !result.equals(html) || !preloads.isEmpty();
		if (!hasModules) {
			return html;
		}
		String nonceAttribute = (nonce != null) ? " nonce=\"" + nonce + "\"" : "";
		StringBuilder tags = new StringBuilder();
		for (String styleSheet : styleSheets) {
			if (!result.contains(styleSheet)) {
				tags.append("<link rel=\"stylesheet\" href=\"")
					.append(styleSheet)
					.append("\"")
					.append(nonceAttribute)
					.append(">");
			}
		}
		for (String chunk : preloads) {
			tags.append("<link rel=\"modulepreload\" href=\"")
				.append(chunk)
				.append("\"")
				.append(nonceAttribute)
				.append(">");
		}
		return insertInHead(result, importMap(nonceAttribute), tags.toString());
	}

	private String rewrite(String html, Pattern tag, Pattern kind, Pattern attribute, EntryListener listener) {
		Matcher tags = tag.matcher(html);
		StringBuilder result = new StringBuilder(html.length() + 256);
		int copied = 0;
		while (tags.find()) {
			String text = tags.group();
			if (!kind.matcher(text).find()) {
				continue;
			}
			Matcher value = attribute.matcher(text);
			if (!value.find()) {
				continue;
			}
			Optional<BuildManifest.Entry> entry = this.manifest.entry(value.group(2).trim());
			if (entry.isEmpty()) {
				continue;
			}
			listener.found(entry.get());
			String rewritten = text.substring(0, value.start(2)) + entry.get().file() + text.substring(value.end(2));
			result.append(html, copied, tags.start()).append(rewritten);
			copied = tags.end();
		}
		return result.append(html, copied, html.length()).toString();
	}

	private String importMap(String nonceAttribute) {
		Map<String, String> imports = this.manifest.imports();
		if (imports.isEmpty()) {
			return "";
		}
		StringBuilder json = new StringBuilder("{\"imports\":{");
		imports.forEach((specifier, url) -> json.append(quote(specifier)).append(':').append(quote(url)).append(','));
		json.setLength(json.length() - 1);
		return "<script type=\"importmap\"" + nonceAttribute + ">" + json.append("}}") + "</script>";
	}

	// An import map must come before any module script: at the start of the head.
	private static String insertInHead(String html, String first, String last) {
		String lower = html.toLowerCase(Locale.ROOT);
		int headClose = lower.indexOf("</head>");
		String result = (headClose >= 0) ? html.substring(0, headClose) + last + html.substring(headClose)
				: last + html;
		if (first.isEmpty()) {
			return result;
		}
		Matcher headOpen = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE).matcher(result);
		int at = headOpen.find() ? headOpen.end() : 0;
		return result.substring(0, at) + first + result.substring(at);
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
	}

	private interface EntryListener {

		void found(BuildManifest.Entry entry);

	}

}

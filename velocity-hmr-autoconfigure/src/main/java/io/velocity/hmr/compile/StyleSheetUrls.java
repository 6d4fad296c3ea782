package io.velocity.hmr.compile;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the relative references of a style sheet absolute. A sheet injected as a
 * {@code <style>} element resolves {@code url(…)} and {@code @import} against the page,
 * not against the file it came from, so {@code url(icons/add.svg)} in
 * {@code /frontend/ui/button.css} must be written as
 * {@code url(/frontend/ui/icons/add.svg)} to keep pointing at the same file.
 * <p>
 * References are found with patterns, not a CSS parser: {@code url(…)} with or without
 * quotes and {@code @import} with a quoted string. A reference that is already absolute
 * (a path, a scheme such as {@code data:} or {@code https:}), a fragment ({@code #id}, as
 * SVG filters use) or one that is not a valid URI is left as written.
 */
final class StyleSheetUrls {

	private static final Pattern URL_FUNCTION = Pattern.compile("(?i)(url\\(\\s*)(['\"]?)([^'\"()\\s]+)(\\2\\s*\\))");

	private static final Pattern IMPORT_STRING = Pattern.compile("(?i)(@import\\s+)(['\"])([^'\"\\s]+)(\\2)");

	private StyleSheetUrls() {
	}

	/**
	 * Return the style sheet with its relative references resolved against its URL.
	 * @param css the style sheet
	 * @param sheetUrl the URL the sheet is served under, such as
	 * {@code /frontend/ui/button.css}
	 * @return the style sheet with absolute references
	 */
	static String absolute(String css, String sheetUrl) {
		URI base = URI.create(sheetUrl);
		return resolve(resolve(css, URL_FUNCTION, base), IMPORT_STRING, base);
	}

	private static String resolve(String css, Pattern pattern, URI base) {
		Matcher matcher = pattern.matcher(css);
		StringBuilder result = new StringBuilder(css.length() + 32);
		while (matcher.find()) {
			String reference = matcher.group(3);
			String resolved = isRelative(reference) ? resolve(base, reference) : reference;
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + resolved + matcher.group(4)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String resolve(URI base, String reference) {
		try {
			return base.resolve(reference).toString();
		}
		catch (IllegalArgumentException ex) {
			// Not a URI that Java accepts (a space, a brace): the browser may still make
			// sense of it, so it stays as written.
			return reference;
		}
	}

	private static boolean isRelative(String reference) {
		return !reference.startsWith("/") && !reference.startsWith("#") && !ImportResolver.hasScheme(reference);
	}

}

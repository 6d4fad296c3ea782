package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSS Modules for {@code *.module.css}: each class in a selector gets a suffix from the
 * file's path ({@code .card} in {@code card.module.css} becomes {@code .card_3f2a1b}), so
 * classes of different files never clash, and the module's default export maps every
 * original name to its scoped one. The suffix depends on the path only, so a class keeps
 * its name across edits and a hot update of the sheet restyles the elements that use it.
 */
final class CssModules {

	// A comment (kept as it is) or a class.
	private static final Pattern CLASS = Pattern.compile("/\\*.*?\\*/|\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)", Pattern.DOTALL);

	private CssModules() {
	}

	static boolean isCssModule(String path) {
		return path.endsWith(".module.css");
	}

	/**
	 * Scope the classes of a sheet's selectors. Declarations, at-rule preludes and
	 * comments are left as they are.
	 * @param css the sheet
	 * @param path the sheet's module path
	 * @return the scoped sheet
	 */
	static String scope(String css, String path) {
		String suffix = "_" + suffix(path);
		StringBuilder result = new StringBuilder(css.length() + 64);
		int segmentStart = 0;
		for (int i = 0; i < css.length(); i++) {
			char ch = css.charAt(i);
			if (ch == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
				int end = css.indexOf("*/", i + 2);
				i = (end < 0) ? css.length() - 1 : end + 1;
			}
			else if (ch == '"' || ch == '\'') {
				int end = css.indexOf(ch, i + 1);
				i = (end < 0) ? css.length() - 1 : end;
			}
			else if (ch == '{' || ch == '}' || ch == ';') {
				String segment = css.substring(segmentStart, i);
				boolean selector = ch == '{' && !segment.strip().startsWith("@");
				result.append(selector ? scopeSelector(segment, suffix) : segment).append(ch);
				segmentStart = i + 1;
			}
		}
		return result.append(css, segmentStart, css.length()).toString();
	}

	private static String scopeSelector(String selector, String suffix) {
		return CLASS.matcher(selector)
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(0) + ((match.group(1) != null) ? suffix : "")));
	}

	/**
	 * The class map of a sheet that {@link #scope(String, String)} wrote.
	 * @param scopedCss the scoped sheet
	 * @param path the sheet's module path
	 * @return the map from original to scoped class name, as a JavaScript object literal
	 */
	static String classMap(String scopedCss, String path) {
		String suffix = "_" + suffix(path);
		Map<String, String> classes = new LinkedHashMap<>();
		Matcher matcher = Pattern
			.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)" + Pattern.quote(suffix) + "(?![_a-zA-Z0-9-])")
			.matcher(scopedCss);
		while (matcher.find()) {
			classes.putIfAbsent(matcher.group(1), matcher.group(1) + suffix);
		}
		StringBuilder object = new StringBuilder("{");
		classes.forEach((name, scoped) -> object.append(JsonStrings.quote(name))
			.append(": ")
			.append(JsonStrings.quote(scoped))
			.append(", "));
		if (object.length() > 1) {
			object.setLength(object.length() - 2);
		}
		return object.append('}').toString();
	}

	private static String suffix(String path) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 3);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

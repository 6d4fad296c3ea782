package io.velocity.hmr.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.velocity.hmr.production.PageTags;

/**
 * Finds the entries that HTML pages and templates name: the {@code src} of every
 * {@code <script type="module">} and the {@code href} of every
 * {@code <link rel="stylesheet">} under the module URL prefix, written plainly or as a
 * Thymeleaf link expression ({@code th:src="@{/frontend/main.tsx}"}). What a page builds
 * at run time cannot be read here: such entries are configured.
 */
final class PageEntries {

	private PageEntries() {
	}

	/**
	 * Find the entries of the pages under the given directories.
	 * @param pageRoots directories of pages; those that do not exist are skipped
	 * @param urlPrefix the module URL prefix, such as {@code /frontend}
	 * @return the entry URLs, each with the page that named it first
	 */
	static Map<String, Path> find(List<Path> pageRoots, String urlPrefix) {
		Map<String, Path> entries = new LinkedHashMap<>();
		for (Path root : pageRoots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				for (Path page : files.filter(PageEntries::isPage).sorted().toList()) {
					for (String url : find(Files.readString(page, StandardCharsets.UTF_8), urlPrefix)) {
						entries.putIfAbsent(url, page);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to read the pages in " + root, ex);
			}
		}
		return entries;
	}

	/**
	 * Find the entries one page names.
	 * @param html the page
	 * @param urlPrefix the module URL prefix
	 * @return the entry URLs, in the order of the page
	 */
	static List<String> find(String html, String urlPrefix) {
		Map<Integer, String> found = new TreeMap<>();
		collect(html, PageTags.SCRIPT, PageTags.MODULE_TYPE, "src", urlPrefix, found);
		collect(html, PageTags.LINK, PageTags.STYLESHEET, "href", urlPrefix, found);
		return List.copyOf(found.values());
	}

	private static void collect(String html, Pattern tag, Pattern kind, String attribute, String urlPrefix,
			Map<Integer, String> found) {
		Pattern plain = Pattern.compile("(?<![:\\w-])" + attribute + "\\s*=\\s*[\"']([^\"']+)[\"']",
				Pattern.CASE_INSENSITIVE);
		Pattern thymeleaf = Pattern.compile("\\bth:" + attribute + "\\s*=\\s*[\"']@\\{([^}\"'(]+)[^\"']*}[\"']",
				Pattern.CASE_INSENSITIVE);
		Matcher tags = tag.matcher(html);
		while (tags.find()) {
			String text = tags.group();
			if (!kind.matcher(text).find()) {
				continue;
			}
			for (Pattern pattern : List.of(plain, thymeleaf)) {
				Matcher value = pattern.matcher(text);
				if (value.find()) {
					String url = value.group(1).trim();
					if (url.startsWith(urlPrefix + "/")) {
						found.putIfAbsent(tags.start(), stripQuery(url));
					}
				}
			}
		}
	}

	private static String stripQuery(String url) {
		int end = url.length();
		for (char stop : new char[] { '?', '#' }) {
			int at = url.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return url.substring(0, end);
	}

	private static boolean isPage(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(file) && (name.endsWith(".html") || name.endsWith(".htm"));
	}

}

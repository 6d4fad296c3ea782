package io.velocity.hmr.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/**
 * The preload hints of a bundled page for the modules its bundle imports natively: the
 * client, the registry and the runtime, with every module they import statically. The
 * browser would otherwise find them level by level (runtime.js, then web.js, then
 * web-dom.js …), a waterfall that takes longer than the bundle itself.
 */
final class ClientPreloads {

	private static final List<String> LOCATIONS = List.of("io/velocity/hmr/client/hmr/",
			"io/velocity/hmr/client/runtime/");

	private static final List<String> ROOTS = List.of("hmr-client.js", BundleText.REGISTRY_URL.substring(12),
			"runtime.js", "web.js", "hot-components.js");

	// Static imports and re-exports between client modules, all served flat under
	// /__velocity/.
	private static final Pattern IMPORT = Pattern.compile("(?:\\bfrom|^import)\\s*['\"]\\./([\\w.-]+\\.js)['\"]",
			Pattern.MULTILINE);

	private volatile @Nullable List<String> urls;

	/**
	 * The tags to put in the page.
	 * @param nonce the CSP nonce, or {@code null}
	 * @return the tags
	 */
	String tags(@Nullable String nonce) {
		StringBuilder tags = new StringBuilder();
		for (String url : urls()) {
			tags.append("<link rel=\"modulepreload\" href=\"").append(url).append('"');
			if (nonce != null) {
				tags.append(" nonce=\"").append(nonce).append('"');
			}
			tags.append(">");
		}
		return tags.toString();
	}

	private List<String> urls() {
		List<String> urls = this.urls;
		if (urls == null) {
			Set<String> found = new LinkedHashSet<>();
			Deque<String> pending = new ArrayDeque<>(ROOTS);
			while (!pending.isEmpty()) {
				String name = pending.pop();
				String code = read(name);
				if (code != null && found.add(name)) {
					Matcher imports = IMPORT.matcher(code);
					while (imports.find()) {
						pending.add(imports.group(1));
					}
				}
			}
			urls = found.stream().map((name) -> "/__velocity/" + name).toList();
			this.urls = urls;
		}
		return urls;
	}

	private static @Nullable String read(String name) {
		for (String location : LOCATIONS) {
			ClassPathResource resource = new ClassPathResource(location + name, ClientPreloads.class.getClassLoader());
			if (resource.exists()) {
				try (InputStream input = resource.getInputStream()) {
					return new String(input.readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return null;
	}

}

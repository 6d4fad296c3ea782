package io.velocity.hmr.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.DigestUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The source URLs under the module prefix, once the front end is built: an entry
 * ({@code /frontend/main.tsx}, {@code /frontend/styles.css}) redirects to the file that
 * stands for it, so a page that was not rewritten (cached, or written by a script) still
 * loads the built code. A redirect rather than the same bytes: the browser then resolves
 * the entry's imports against the built file's URL and shares its chunks, so a module is
 * never instantiated twice under two URLs. Other files (images, fonts, JSON) are served
 * from the classpath as they are. A module that is not an entry is inside a chunk and has
 * no URL of its own: 404, with a message that says so.
 */
public class SourceUrlRequestHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(SourceUrlRequestHandler.class);

	private static final Set<String> SERVED_TYPES = Set.of("image", "font", "audio", "video");

	private static final Set<String> SERVED_SUBTYPES = Set.of("text/css", "text/plain", "application/json",
			"application/manifest+json", "application/wasm", "application/vnd.ms-fontobject", "application/font-woff",
			"application/x-font-ttf", "application/x-font-opentype");

	private final BuildManifest manifest;

	private final ModuleUrls urls;

	private final ModuleSources sources;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new handler.
	 * @param manifest the build's manifest
	 * @param urls the module URL mapping
	 * @param sources the files on the classpath
	 */
	public SourceUrlRequestHandler(BuildManifest manifest, ModuleUrls urls, ModuleSources sources) {
		this.manifest = manifest;
		this.urls = urls;
		this.sources = sources;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String url = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		Optional<BuildManifest.Entry> entry = this.manifest.entry(url);
		if (entry.isPresent() && request.getQueryString() == null) {
			// Which file stands for the entry changes with every build: never cached.
			response.setHeader("Cache-Control", "no-cache");
			response.setStatus(HttpServletResponse.SC_FOUND);
			response.setHeader("Location", request.getContextPath() + entry.get().file());
			return;
		}
		Optional<String> path = this.urls.toPath(url);
		if (path.isEmpty()) {
			notFound(response, "Not a module path: " + url);
			return;
		}
		if (ModuleKind.of(path.get()) == ModuleKind.SCRIPT || request.getQueryString() != null) {
			if (this.reported.add(url)) {
				logger.warn("A page asked for " + url + ", which the production build bundled into its chunks: "
						+ "load it from an entry, or add it to the build's entries");
			}
			notFound(response, url + " is part of the production build's chunks and has no URL of its own; "
					+ "pages load the entries (" + String.join(", ", this.manifest.entries().keySet()) + ")");
			return;
		}
		MediaType type = MediaTypeFactory.getMediaType(path.get()).orElse(MediaType.APPLICATION_OCTET_STREAM);
		Optional<ModuleSource> source = isServed(path.get(), type) ? this.sources.find(path.get()) : Optional.empty();
		if (source.isEmpty()) {
			notFound(response, "File not found: " + url);
			return;
		}
		byte[] content = source.get().content();
		if (new ServletWebRequest(request, response)
			.checkNotModified("\"" + DigestUtils.md5DigestAsHex(content) + "\"")) {
			return;
		}
		response.setContentType(type.toString());
		response.setHeader("Cache-Control", "no-cache");
		response.setContentLength(content.length);
		response.getOutputStream().write(content);
	}

	/**
	 * Only what pages load: never a dot-file or a file whose type says it may hold a
	 * secret (properties, keys), even if a build copied one next to the sources.
	 */
	private static boolean isServed(String path, MediaType type) {
		for (String segment : path.split("/")) {
			if (segment.startsWith(".")) {
				return false;
			}
		}
		String mime = type.getType() + "/" + type.getSubtype();
		return SERVED_TYPES.contains(type.getType()) || SERVED_SUBTYPES.contains(mime);
	}

	private static void notFound(HttpServletResponse response, String message) throws IOException {
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

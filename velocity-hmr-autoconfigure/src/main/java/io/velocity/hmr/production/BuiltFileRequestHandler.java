package io.velocity.hmr.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves the files of the production build under {@link BuildManifest#URL_PREFIX}: only
 * those the manifest lists, read from the classpath once. Each name holds a hash of the
 * content, so every response is cached for good ({@code immutable}); a browser that
 * accepts brotli or gzip gets the variant the build wrote, with {@code Vary} so that a
 * shared cache keeps them apart.
 */
public class BuiltFileRequestHandler implements HttpRequestHandler {

	/**
	 * The {@code Cache-Control} of a fingerprinted file.
	 */
	public static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final BuildManifest manifest;

	private final @Nullable ClassLoader classLoader;

	private final ConcurrentMap<String, byte[]> contents = new ConcurrentHashMap<>();

	/**
	 * Create a new handler.
	 * @param manifest the build's manifest
	 * @param classLoader where the files are
	 */
	public BuiltFileRequestHandler(BuildManifest manifest, @Nullable ClassLoader classLoader) {
		this.manifest = manifest;
		this.classLoader = classLoader;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String url = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		BuildManifest.File file = this.manifest.files().get(url);
		if (file == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream()
				.write(("No file of the production build at " + url + "\n").getBytes(StandardCharsets.UTF_8));
			return;
		}
		String encoding = encoding(file, request.getHeader("Accept-Encoding"));
		String name = url.substring(BuildManifest.URL_PREFIX.length());
		if (encoding != null) {
			name += encoding.equals("br") ? ".br" : ".gz";
			response.setHeader("Content-Encoding", encoding);
		}
		if (!file.encodings().isEmpty()) {
			response.setHeader("Vary", "Accept-Encoding");
		}
		byte[] content = this.contents.computeIfAbsent(name, this::read);
		response.setContentType(contentType(url));
		response.setHeader("Cache-Control", IMMUTABLE);
		response.setContentLength(content.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(content);
		}
	}

	private byte[] read(String name) {
		ClassPathResource resource = new ClassPathResource(BuildManifest.FILES_LOCATION + name, this.classLoader);
		try (InputStream input = resource.getInputStream()) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The production build's file " + name + " is missing from the classpath",
					ex);
		}
	}

	private static String contentType(String url) {
		if (url.endsWith(".js")) {
			return "text/javascript;charset=UTF-8";
		}
		if (url.endsWith(".css")) {
			return "text/css;charset=UTF-8";
		}
		if (url.endsWith(".map") || url.endsWith(".json")) {
			return "application/json";
		}
		return MediaTypeFactory.getMediaType(url).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
	}

	/**
	 * The best variant the browser accepts: the build lists them best first.
	 */
	static @Nullable String encoding(BuildManifest.File file, @Nullable String acceptEncoding) {
		if (acceptEncoding == null || file.encodings().isEmpty()) {
			return null;
		}
		for (String encoding : file.encodings()) {
			if (accepts(acceptEncoding, encoding)) {
				return encoding;
			}
		}
		return null;
	}

	private static boolean accepts(String acceptEncoding, String encoding) {
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.trim().split(";");
			if (pieces[0].trim().toLowerCase(Locale.ROOT).equals(encoding)) {
				for (int i = 1; i < pieces.length; i++) {
					String parameter = pieces[i].trim().replace(" ", "");
					if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

}

package io.velocity.hmr.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.source.ModulePaths;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves the browser modules that ship in the starter jar under {@code /__velocity/}:
 * the Velocity runtime in every profile; the HMR client, with its settings written in, and
 * the server's {@code status} only while hot module replacement is active.
 */
public class ClientAssetRequestHandler implements HttpRequestHandler {

	/**
	 * The URL path the client assets are served under.
	 */
	public static final String PATH = "/__velocity";

	private static final String LOCATION = "io/velocity/hmr/client/";

	/**
	 * The runtime, served in every profile; every other asset belongs to the HMR client.
	 */
	private static final Set<String> RUNTIME = Set.of("runtime.js", "jsx-runtime.js", "reactive.js");

	private static final String CLIENT = "hmr-client.js";

	private static final String STATUS = "status";

	private final @Nullable HmrClientSettings hmr;

	private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

	/**
	 * Create a new handler.
	 * @param hmr the HMR client's settings while hot module replacement is active, else
	 * {@code null}
	 */
	public ClientAssetRequestHandler(@Nullable HmrClientSettings hmr) {
		this.hmr = hmr;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String url = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		if (this.hmr != null && url.equals(PATH + "/" + STATUS)) {
			// Polled by a client that lost its socket, to tell a restarted server.
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("application/json");
			response.getWriter().write(this.hmr.statusJson());
			return;
		}
		Optional<Asset> asset = Optional.of(url)
			.filter((candidate) -> candidate.startsWith(PATH + "/"))
			.flatMap((candidate) -> ModulePaths.safe(candidate.substring(PATH.length() + 1)))
			.filter((name) -> name.endsWith(".js") && (this.hmr != null || RUNTIME.contains(name)))
			.flatMap((name) -> this.cache.computeIfAbsent(name, this::load));
		if (asset.isEmpty()) {
			Responses.notFound(response, "No Velocity client asset at " + url);
			return;
		}
		if (new ServletWebRequest(request, response).checkNotModified(asset.get().etag())) {
			return;
		}
		Responses.body(response, Responses.JAVASCRIPT, asset.get().content());
	}

	private Optional<Asset> load(String name) {
		ClassPathResource resource = new ClassPathResource(LOCATION + name,
				ClientAssetRequestHandler.class.getClassLoader());
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream input = resource.getInputStream()) {
			byte[] content = input.readAllBytes();
			if (name.equals(CLIENT) && this.hmr != null) {
				content = new String(content, StandardCharsets.UTF_8)
					.replace(HmrClientSettings.PLACEHOLDER, this.hmr.toJson())
					.getBytes(StandardCharsets.UTF_8);
			}
			return Optional.of(new Asset(content, "\"" + DigestUtils.md5DigestAsHex(content) + "\""));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private record Asset(byte[] content, String etag) {
	}

}

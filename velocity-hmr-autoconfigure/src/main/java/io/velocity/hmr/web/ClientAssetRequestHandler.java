package io.velocity.hmr.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.DigestUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves the browser modules that ship in the starter jar under {@code /__velocity/}, one
 * URL space over two classpath directories: {@code io/velocity/hmr/client/runtime/}, the
 * Velocity runtime, in every profile; {@code io/velocity/hmr/client/hmr/}, the HMR client
 * (with its settings written into {@code hmr-client.js}), and the server's {@code status}
 * only while hot module replacement is active. The modules are found by listing those
 * directories once, so a module added to either is served without naming it here; any
 * other name is a 404 that costs nothing to remember.
 */
public class ClientAssetRequestHandler implements HttpRequestHandler {

	/**
	 * The URL path the client assets are served under.
	 */
	public static final String PATH = "/__velocity";

	private static final String RUNTIME_LOCATION = "io/velocity/hmr/client/runtime/";

	private static final String HMR_LOCATION = "io/velocity/hmr/client/hmr/";

	private static final String CLIENT = "hmr-client.js";

	private static final String STATUS = "status";

	private final @Nullable HmrClientSettings hmr;

	/**
	 * Listed on first use: scanning the classpath takes tens of milliseconds that
	 * start-up need not wait for.
	 */
	private volatile @Nullable Map<String, Asset> assets;

	/**
	 * Create a new handler.
	 * @param hmr the HMR client's settings while hot module replacement is active, else
	 * {@code null}
	 */
	public ClientAssetRequestHandler(@Nullable HmrClientSettings hmr) {
		this.hmr = hmr;
	}

	/**
	 * Return the names of the modules served, such as {@code runtime.js}.
	 * @return the names
	 */
	public List<String> getModuleNames() {
		return new ArrayList<>(assets().keySet());
	}

	private Map<String, Asset> assets() {
		Map<String, Asset> assets = this.assets;
		if (assets == null) {
			synchronized (this) {
				assets = this.assets;
				if (assets == null) {
					Map<String, Asset> listed = new HashMap<>();
					load(RUNTIME_LOCATION, listed);
					if (this.hmr != null) {
						load(HMR_LOCATION, listed);
					}
					assets = Collections.unmodifiableMap(listed);
					this.assets = assets;
				}
			}
		}
		return assets;
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
		Asset asset = url.startsWith(PATH + "/") ? assets().get(url.substring(PATH.length() + 1)) : null;
		if (asset == null) {
			Responses.notFound(response, "No Velocity client asset at " + url);
			return;
		}
		if (new ServletWebRequest(request, response).checkNotModified(asset.etag())) {
			return;
		}
		Responses.body(response, Responses.JAVASCRIPT, asset.content());
	}

	private void load(String location, Map<String, Asset> assets) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				ClientAssetRequestHandler.class.getClassLoader());
		try {
			for (Resource resource : resolver.getResources("classpath*:" + location + "*.js")) {
				String name = resource.getFilename();
				if (name != null && !assets.containsKey(name)) {
					assets.put(name, asset(name, resource));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to list the Velocity client modules in " + location, ex);
		}
	}

	private Asset asset(String name, Resource resource) throws IOException {
		try (InputStream input = resource.getInputStream()) {
			byte[] content = input.readAllBytes();
			if (name.equals(CLIENT) && this.hmr != null) {
				content = new String(content, StandardCharsets.UTF_8)
					.replace(HmrClientSettings.PLACEHOLDER, this.hmr.toJson())
					.getBytes(StandardCharsets.UTF_8);
			}
			return new Asset(content, "\"" + DigestUtils.md5DigestAsHex(content) + "\"");
		}
	}

	private record Asset(byte[] content, String etag) {
	}

}

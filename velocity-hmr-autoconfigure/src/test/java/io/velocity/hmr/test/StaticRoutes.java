package io.velocity.hmr.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;

/**
 * Serves files from the classpath to the pages of a {@link BrowserContext} under
 * {@link #ORIGIN}, without a server: requests are answered by Playwright's request
 * interception. Anything not mapped gets a 404.
 *
 * <pre class="code">
 * StaticRoutes.create()
 * 	.velocityClient()
 * 	.install(context);
 * page.navigate(StaticRoutes.ORIGIN + "/__velocity/runtime.js");
 * </pre>
 *
 * @author Velocity HMR
 */
public final class StaticRoutes {

	/**
	 * The origin the routes answer for.
	 */
	public static final String ORIGIN = "http://velocity.test";

	/**
	 * The classpath locations of the browser modules served under {@code /__velocity/}:
	 * the runtime and the HMR client, in one URL space.
	 */
	private static final List<String> CLIENT_LOCATIONS = List.of("io/velocity/hmr/client/runtime/",
			"io/velocity/hmr/client/hmr/");

	private final List<Mapping> mappings = new ArrayList<>();

	private StaticRoutes() {
	}

	/**
	 * Create an empty set of routes.
	 * @return the routes
	 */
	public static StaticRoutes create() {
		return new StaticRoutes();
	}

	/**
	 * Serve the resources under a classpath location for the URL paths under a prefix.
	 * @param pathPrefix the URL path prefix, such as {@code /__velocity/}
	 * @param location the classpath location, such as {@code io/velocity/hmr/client/}
	 * @return these routes
	 */
	public StaticRoutes classpath(String pathPrefix, String location) {
		this.mappings.add(new Mapping(pathPrefix, location));
		return this;
	}

	/**
	 * Serve the runtime and the HMR client modules under {@code /__velocity/}, as the
	 * application does while hot module replacement is active.
	 * @return these routes
	 */
	public StaticRoutes velocityClient() {
		CLIENT_LOCATIONS.forEach((location) -> classpath("/__velocity/", location));
		return this;
	}

	/**
	 * Answer the requests of a browser context's pages for {@link #ORIGIN}.
	 * @param context the browser context
	 */
	public void install(BrowserContext context) {
		context.route(ORIGIN + "/**", this::fulfill);
	}

	private void fulfill(Route route) {
		String path = URI.create(route.request().url()).getPath();
		byte[] body = load(path);
		if (body == null) {
			route.fulfill(new Route.FulfillOptions().setStatus(404)
				.setContentType("text/plain")
				.setBody("Not found: " + path));
			return;
		}
		route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType(contentType(path)).setBodyBytes(body));
	}

	private byte[] load(String path) {
		for (Mapping mapping : this.mappings) {
			if (path.startsWith(mapping.pathPrefix()) && !path.contains("..")) {
				String resource = mapping.location() + path.substring(mapping.pathPrefix().length());
				try (InputStream input = StaticRoutes.class.getClassLoader().getResourceAsStream(resource)) {
					if (input != null) {
						return input.readAllBytes();
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException("Failed to read '" + resource + "'", ex);
				}
			}
		}
		return null;
	}

	private static String contentType(String path) {
		String extension = path.substring(path.lastIndexOf('.') + 1);
		return switch (extension) {
			case "js", "mjs" -> "text/javascript; charset=utf-8";
			case "html" -> "text/html; charset=utf-8";
			case "css" -> "text/css; charset=utf-8";
			case "json" -> "application/json";
			case "svg" -> "image/svg+xml";
			default -> "application/octet-stream";
		};
	}

	private record Mapping(String pathPrefix, String location) {
	}

}

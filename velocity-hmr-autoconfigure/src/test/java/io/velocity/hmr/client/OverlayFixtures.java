package io.velocity.hmr.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.FileSystemModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.test.StaticRoutes;

/**
 * Loads the overlay fixtures into a page without a server: the client modules from the
 * classpath at {@code /__velocity/}, the fixtures at {@code /fixtures/}, and the fixture
 * sources at {@code /frontend/}, compiled on request by the real {@link ModuleCompiler}
 * so that they carry the inline source maps the overlay reads.
 *
 * @author Velocity HMR
 */
final class OverlayFixtures {

	static final String PAGE = StaticRoutes.ORIGIN + "/fixtures/index.html";

	private static final ModuleUrls URLS = new ModuleUrls("/frontend");

	private OverlayFixtures() {
	}

	static void serve(BrowserContext context) {
		StaticRoutes.create()
			.velocityClient()
			.classpath("/fixtures/", "io/velocity/hmr/client/fixtures/overlay/")
			.install(context);
		ModuleCompiler compiler = compiler();
		// Registered after the static routes, so it answers first.
		context.route(StaticRoutes.ORIGIN + "/frontend/**", (route) -> {
			String path = URLS.toPath(URI.create(route.request().url()).getPath()).orElseThrow();
			route.fulfill(new Route.FulfillOptions().setContentType("text/javascript; charset=utf-8")
				.setBody(compile(compiler, path)));
		});
	}

	/**
	 * Serve the fixture page at another path with extra response headers.
	 * @param context the browser context
	 * @param path the URL path, such as {@code /csp.html}
	 * @param headers the response headers
	 * @return the page URL
	 */
	static String servePageWithHeaders(BrowserContext context, String path, Map<String, String> headers) {
		String html = read(directory().resolve("index.html"));
		context.route(StaticRoutes.ORIGIN + path,
				(route) -> route.fulfill(new Route.FulfillOptions().setContentType("text/html; charset=utf-8")
					.setHeaders(headers)
					.setBody(html)));
		return StaticRoutes.ORIGIN + path;
	}

	static String compiledCode(String path) {
		return compile(compiler(), path);
	}

	static void open(Page page, String url) {
		page.navigate(url);
		page.waitForFunction("() => document.body.dataset.ready === 'yes'");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path directory() {
		try {
			return Path.of(OverlayFixtures.class.getResource("fixtures/overlay").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ModuleCompiler compiler() {
		return new ModuleCompiler(sources(), URLS);
	}

	private static FileSystemModuleSources sources() {
		return new FileSystemModuleSources(List.of(directory()));
	}

	private static String compile(ModuleCompiler compiler, String path) {
		return compiler.compile(sources().find(path).orElseThrow()).code();
	}

}

package io.velocity.hmr.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.compile.CompileProblemException;
import org.springframework.web.HttpRequestHandler;

/**
 * Serves {@code /__velocity/bundle?entry=/frontend/main.tsx}: the entry's static graph as
 * one module in registry form ({@code &define} to define it without evaluating the entry,
 * as a dynamic import or a hot update does; {@code &map} for its source map). A graph
 * that cannot be bundled (a module that awaits at its top level, one that does not
 * compile) is served as native modules instead, and the reason is logged once.
 */
public class BundleRequestHandler implements HttpRequestHandler {

	/** The URL the handler serves. */
	public static final String PATH = "/__velocity/bundle";

	private static final Log logger = LogFactory.getLog(BundleRequestHandler.class);

	private final PageBundler bundler;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new instance.
	 * @param bundler collects the graphs
	 */
	public BundleRequestHandler(PageBundler bundler) {
		this.bundler = bundler;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String entry = request.getParameter("entry");
		if (entry == null || !entry.startsWith("/") || entry.startsWith("//")) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "'entry' must be a root-relative module URL");
			return;
		}
		boolean map = request.getParameter("map") != null;
		boolean run = request.getParameter("define") == null;
		String body;
		String type = map ? "application/json" : "text/javascript";
		try {
			PageGraph graph = this.bundler.collect(entry, !run);
			body = map ? BundleText.sourceMap(graph) : BundleText.code(graph, run, BundleText.url(entry, "&map"));
		}
		catch (UnsupportedModuleException | CompileProblemException ex) {
			if (map) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			String reason = (ex instanceof UnsupportedModuleException) ? ex.getMessage() : "a module does not compile";
			if (this.reported.add(entry + " " + reason)) {
				logger.info("Velocity HMR serves " + entry + " as native modules rather than bundled: " + reason);
			}
			body = BundleText.fallback(entry, run, reason);
		}
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(type + ";charset=UTF-8");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}

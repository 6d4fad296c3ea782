package io.velocity.hmr.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.compile.AssetModules;
import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;

import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The modules that stand for files other than scripts and style sheets, for
 * {@link ModuleRequestHandler}: {@code data.json?import} is the JSON value,
 * {@code notes.md?raw} the text, {@code worker.js?url} and {@code logo.svg?import} the
 * file's URL, which in production carries a fingerprint of the content
 * ({@code ?v=3f2a1b0c}) so the file can be cached for good.
 */
final class AssetModuleResponses {

	private static final Log logger = LogFactory.getLog(AssetModuleResponses.class);

	/**
	 * The query that carries an asset's fingerprint.
	 */
	static final String FINGERPRINT_QUERY = "v";

	private final ModuleSources sources;

	private final boolean fingerprint;

	AssetModuleResponses(ModuleSources sources, boolean fingerprint) {
		this.sources = sources;
		this.fingerprint = fingerprint;
	}

	/**
	 * Whether a request asks for the module that stands for a file.
	 * @param request the request
	 * @param path the file's module path
	 * @return whether {@link #serve} answers it
	 */
	static boolean isAssetModule(HttpServletRequest request, String path) {
		if (request.getParameter(AssetModules.RAW_QUERY) != null
				|| request.getParameter(AssetModules.URL_QUERY) != null) {
			return true;
		}
		return ModuleKind.of(path) == ModuleKind.ASSET
				&& request.getParameter(ModuleCompiler.STYLE_IMPORT_QUERY) != null;
	}

	void serve(HttpServletRequest request, HttpServletResponse response, String url, String path) throws IOException {
		Optional<ModuleSource> source = this.sources.find(path);
		if (source.isEmpty()) {
			Responses.notFound(response, "File not found: " + url);
			return;
		}
		byte[] content = source.get().content();
		String code;
		try {
			code = code(request, url, path, content);
		}
		catch (CompileProblemException ex) {
			logger.warn("Velocity HMR could not compile " + ex.getProblem());
			Responses.compileProblem(response, ex.getProblem());
			return;
		}
		byte[] body = code.getBytes(StandardCharsets.UTF_8);
		if (new ServletWebRequest(request, response).checkNotModified("\"" + DigestUtils.md5DigestAsHex(body) + "\"")) {
			return;
		}
		Responses.body(response, Responses.JAVASCRIPT, body);
	}

	private String code(HttpServletRequest request, String url, String path, byte[] content) {
		if (request.getParameter(AssetModules.RAW_QUERY) != null) {
			return AssetModules.raw(new String(content, StandardCharsets.UTF_8));
		}
		if (request.getParameter(AssetModules.URL_QUERY) == null && path.endsWith(".json")) {
			return AssetModules.json(path, new String(content, StandardCharsets.UTF_8));
		}
		String assetUrl = this.fingerprint
				? url + "?" + FINGERPRINT_QUERY + "=" + DigestUtils.md5DigestAsHex(content).substring(0, 8) : url;
		return AssetModules.url(assetUrl);
	}

}

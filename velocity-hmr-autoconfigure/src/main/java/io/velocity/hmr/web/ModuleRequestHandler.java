package io.velocity.hmr.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.CompileProblemListener;
import io.velocity.hmr.compile.CompileService;
import io.velocity.hmr.compile.CompiledModule;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.ModuleVersions;
import io.velocity.hmr.graph.ModuleGraph;
import io.velocity.hmr.source.ModuleKind;
import io.velocity.hmr.source.ModuleSource;
import io.velocity.hmr.source.ModuleSources;
import io.velocity.hmr.source.ModuleUrls;
import io.velocity.hmr.source.ServedFiles;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.Assert;
import org.springframework.util.DigestUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves front-end modules under the module URL prefix: script sources compiled to
 * browser ES modules, any other file (CSS, images, JSON) as it is. A style sheet asked
 * for with the {@link ModuleCompiler#STYLE_IMPORT_QUERY import query}, as compiled
 * imports of it are written, is served as the JavaScript module that injects it. Every
 * response carries an entity tag so an unchanged module costs a 304. Only what
 * {@link ServedFiles} allows is served: a dot-file, a secret or an undeclared asset type
 * is a 404.
 * <p>
 * While hot module replacement is active, the handler records every module it serves in
 * the {@link ModuleGraph} (which is how the graph learns what pages use) and writes
 * imports with the graph's current versions.
 */
public class ModuleRequestHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(ModuleRequestHandler.class);

	private final ModuleSources sources;

	private final ModuleUrls urls;

	private final CompileService compileService;

	private final @Nullable ModuleGraph graph;

	private final CompileProblemListener problems;

	private final AssetModuleResponses assetModules;

	private ServedFiles servedFiles = ServedFiles.DEFAULT;

	/**
	 * Create a handler for production: no versions, nothing recorded.
	 * @param sources where modules are read from
	 * @param urls the module URL mapping
	 * @param compileService the compile service
	 */
	public ModuleRequestHandler(ModuleSources sources, ModuleUrls urls, CompileService compileService) {
		this(sources, urls, compileService, null, (problem) -> {
		});
	}

	/**
	 * Create a handler for hot module replacement.
	 * @param sources where modules are read from
	 * @param urls the module URL mapping
	 * @param compileService the compile service
	 * @param graph the module graph that records what pages load, or {@code null} for
	 * production
	 * @param problems told of every module that cannot be compiled, so that the pages can
	 * show why they failed to load
	 */
	public ModuleRequestHandler(ModuleSources sources, ModuleUrls urls, CompileService compileService,
			@Nullable ModuleGraph graph, CompileProblemListener problems) {
		this.sources = sources;
		this.urls = urls;
		this.compileService = compileService;
		this.graph = graph;
		this.problems = problems;
		this.assetModules = new AssetModuleResponses(sources, graph == null);
	}

	/**
	 * Set which files may be served: by default modules and the asset types of
	 * {@link ServedFiles#DEFAULT}.
	 * @param servedFiles the files that may be served
	 */
	public void setServedFiles(ServedFiles servedFiles) {
		Assert.notNull(servedFiles, "'servedFiles' must not be null");
		this.servedFiles = servedFiles;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String url = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		Optional<String> path = this.urls.toPath(url);
		if (path.isEmpty()) {
			Responses.notFound(response, "Not a module path: " + url);
			return;
		}
		if (!this.servedFiles.isServable(path.get())) {
			// The same answer as for a missing file: whether it exists is not told.
			Responses.notFound(response, "File not found: " + url);
			return;
		}
		if (AssetModuleResponses.isAssetModule(request, path.get())) {
			this.assetModules.serve(request, response, url, path.get());
		}
		else if (ModuleKind.of(path.get()) == ModuleKind.SCRIPT || isStyleModule(request, path.get())) {
			serveScript(request, response, url, path.get());
		}
		else {
			serveFile(request, response, url, path.get());
		}
	}

	private void serveScript(HttpServletRequest request, HttpServletResponse response, String url, String path)
			throws IOException {
		Optional<CompiledModule> module;
		try {
			module = this.compileService.compile(path,
					(this.graph != null) ? this.graph.versions() : ModuleVersions.NONE);
		}
		catch (CompileProblemException ex) {
			logger.warn("Velocity HMR could not compile " + ex.getProblem());
			this.problems.compileFailed(ex.getProblem());
			Responses.compileProblem(response, ex.getProblem());
			return;
		}
		if (module.isEmpty()) {
			Responses.notFound(response, "Module not found: " + url);
			return;
		}
		if (this.graph != null) {
			this.graph.record(module.get().module(), this.urls.prefix());
		}
		if (new ServletWebRequest(request, response).checkNotModified(etag(module.get().hash()))) {
			return;
		}
		Responses.body(response, Responses.JAVASCRIPT, module.get().code().getBytes(StandardCharsets.UTF_8));
	}

	private void serveFile(HttpServletRequest request, HttpServletResponse response, String url, String path)
			throws IOException {
		Optional<ModuleSource> source;
		try {
			source = this.sources.find(path);
		}
		catch (UncheckedIOException ex) {
			logger.warn("Velocity HMR could not read " + path + ": " + ex.getCause());
			Responses.serverError(response, "File cannot be read: " + url);
			return;
		}
		if (source.isEmpty()) {
			Responses.notFound(response, "File not found: " + url);
			return;
		}
		byte[] content = source.get().content();
		if (new ServletWebRequest(request, response).checkNotModified(etag(DigestUtils.md5DigestAsHex(content)))) {
			return;
		}
		MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
		// A fingerprinted URL changes with the content: it can be kept for good.
		boolean fingerprinted = request.getParameter(AssetModuleResponses.FINGERPRINT_QUERY) != null;
		Responses.body(response, type.toString(), content,
				fingerprinted ? PackageRequestHandler.IMMUTABLE : "no-cache");
	}

	private static boolean isStyleModule(HttpServletRequest request, String path) {
		return ModuleKind.of(path) == ModuleKind.STYLE_SHEET
				&& request.getParameterMap().containsKey(ModuleCompiler.STYLE_IMPORT_QUERY);
	}

	private static String etag(String hash) {
		return "\"" + hash + "\"";
	}

}

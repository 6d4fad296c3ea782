package io.velocity.hmr.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.velocity.hmr.compile.CompileProblemException;
import io.velocity.hmr.compile.ModuleCompiler;
import io.velocity.hmr.compile.PackageModules;
import io.velocity.hmr.resolve.NpmPackage;
import io.velocity.hmr.resolve.PackageFile;
import io.velocity.hmr.resolve.PackageResolver;
import io.velocity.hmr.resolve.PackageUrls;
import io.velocity.hmr.resolve.PackageUrls.Location;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves the files of packages under {@link PackageUrls#PREFIX}: scripts compiled by
 * {@link PackageModules} (imports rewritten, CommonJS wrapped, entries pre-bundled), a
 * JSON file or style sheet asked for with {@code ?import} as its module, anything else as
 * it is. Only files of packages the resolver found are served, never another classpath
 * resource or a file outside the package. The version is in the URL, so every response is
 * cached for good; nothing here is recorded in the module graph or watched.
 */
public class PackageRequestHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(PackageRequestHandler.class);

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final PackageResolver resolver;

	private final PackageModules modules;

	/**
	 * Create a new handler.
	 * @param resolver finds the packages
	 * @param modules compiles their modules
	 */
	public PackageRequestHandler(PackageResolver resolver, PackageModules modules) {
		this.resolver = resolver;
		this.modules = modules;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String url = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		Optional<Location> location = PackageUrls.parse(url);
		Optional<NpmPackage> pkg = location.flatMap((found) -> this.resolver.find(found.id()));
		if (pkg.isEmpty() || !pkg.get().files().isFile(location.get().path())) {
			Responses.notFound(response, "No package file at " + url);
			return;
		}
		PackageFile file = new PackageFile(pkg.get(), location.get().path());
		boolean asModule = request.getParameterMap().containsKey(ModuleCompiler.STYLE_IMPORT_QUERY);
		if (PackageModules.isScript(file) || asModule) {
			String code;
			try {
				code = PackageModules.isScript(file) ? this.modules.compile(file) : this.modules.importModule(file);
			}
			catch (CompileProblemException ex) {
				logger.warn("Velocity HMR could not compile " + ex.getProblem());
				Responses.compileProblem(response, ex.getProblem());
				return;
			}
			immutable(response, Responses.JAVASCRIPT, code.getBytes(StandardCharsets.UTF_8));
			return;
		}
		MediaType type = MediaTypeFactory.getMediaType(file.path()).orElse(MediaType.APPLICATION_OCTET_STREAM);
		immutable(response, type.toString(), pkg.get().files().read(file.path()).orElse(new byte[0]));
	}

	private static void immutable(HttpServletResponse response, String contentType, byte[] body) throws IOException {
		Responses.body(response, contentType, body, IMMUTABLE);
	}

}

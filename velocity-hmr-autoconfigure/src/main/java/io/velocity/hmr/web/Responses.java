package io.velocity.hmr.web;

import io.velocity.hmr.compile.JsonStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import io.velocity.hmr.compile.CompileProblem;

/**
 * Writes the few kinds of response the module and asset handlers send.
 */
final class Responses {

	static final String JAVASCRIPT = "text/javascript;charset=UTF-8";

	private Responses() {
	}

	static void body(HttpServletResponse response, String contentType, byte[] body) throws IOException {
		// Always revalidate: a module changes whenever its file is saved.
		body(response, contentType, body, "no-cache");
	}

	static void body(HttpServletResponse response, String contentType, byte[] body, String cacheControl)
			throws IOException {
		response.setContentType(contentType);
		response.setHeader("Cache-Control", cacheControl);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static void notFound(HttpServletResponse response, String message) throws IOException {
		plain(response, HttpServletResponse.SC_NOT_FOUND, message);
	}

	/**
	 * An error answered here rather than by the container's error dispatch: that
	 * dispatch's {@code /error} would be a page to Spring Security, which a login could
	 * then return to.
	 */
	static void serverError(HttpServletResponse response, String message) throws IOException {
		plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, message);
	}

	private static void plain(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * A module that does not compile is a 500 whose body throws the problem, so whoever
	 * evaluates it (a tool, a test, a curious user) sees the message, not a stack trace.
	 */
	static void compileProblem(HttpServletResponse response, CompileProblem problem) throws IOException {
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		response.setHeader("Cache-Control", "no-store");
		String message = problem + (problem.frame().isEmpty() ? "" : "\n\n" + problem.frame());
		String script = "// Velocity HMR could not compile " + problem.file() + "\n" + "throw new SyntaxError("
				+ JsonStrings.quote(message) + ");\n";
		byte[] body = script.getBytes(StandardCharsets.UTF_8);
		response.setContentType(JAVASCRIPT);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

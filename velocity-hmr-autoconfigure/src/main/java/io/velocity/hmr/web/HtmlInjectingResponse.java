package io.velocity.hmr.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Holds back an HTML response body so that it can be transformed (the client script
 * injected, module scripts pointed at built files), and passes any other response through
 * as it is written. Whether the body is HTML is decided at its first byte, from the
 * content type set by then.
 */
final class HtmlInjectingResponse extends HttpServletResponseWrapper {

	private enum Mode {

		UNDECIDED, HOLD, PASS

	}

	/**
	 * Headers that describe the body as the handler wrote it: they must not reach the
	 * client once the body changes, and are replayed as they were when it does not.
	 */
	private static final Set<String> BODY_HEADERS = Set.of("content-length", "etag", "last-modified");

	private final ByteArrayOutputStream held = new ByteArrayOutputStream();

	private final Map<String, String> heldHeaders = new LinkedHashMap<>();

	private Mode mode = Mode.UNDECIDED;

	private ServletOutputStream stream;

	private PrintWriter writer;

	private final HtmlTransform transform;

	HtmlInjectingResponse(HttpServletResponse response, HtmlTransform transform) {
		super(response);
		this.transform = transform;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (this.writer != null) {
			throw new IllegalStateException("getWriter() has already been called for this response");
		}
		if (this.stream == null) {
			this.stream = new DecidingStream();
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() {
		if (this.writer == null) {
			if (this.stream != null) {
				throw new IllegalStateException("getOutputStream() has already been called for this response");
			}
			this.stream = new DecidingStream();
			this.writer = new PrintWriter(new OutputStreamWriter(this.stream, charset()));
		}
		return this.writer;
	}

	@Override
	public void setContentLength(int length) {
		setContentLengthLong(length);
	}

	@Override
	public void setContentLengthLong(long length) {
		holdOrSet("Content-Length", Long.toString(length));
	}

	@Override
	public void setHeader(String name, String value) {
		holdOrSet(name, value);
	}

	@Override
	public void addHeader(String name, String value) {
		holdOrSet(name, value);
	}

	@Override
	public void setIntHeader(String name, int value) {
		holdOrSet(name, Integer.toString(value));
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (this.mode != Mode.PASS && BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			this.heldHeaders.put(name,
					DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC)));
			return;
		}
		super.setDateHeader(name, date);
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.writer != null) {
			this.writer.flush();
		}
		if (decide() == Mode.PASS) {
			super.flushBuffer();
		}
	}

	@Override
	public void resetBuffer() {
		this.held.reset();
		super.resetBuffer();
	}

	@Override
	public void reset() {
		this.held.reset();
		this.heldHeaders.clear();
		this.mode = Mode.UNDECIDED;
		super.reset();
	}

	/**
	 * Write what was held, with the script injected, to the wrapped response.
	 */
	void finish() throws IOException {
		if (this.writer != null) {
			this.writer.flush();
		}
		if (this.mode != Mode.HOLD) {
			return;
		}
		Charset charset = charset();
		byte[] body = this.held.toByteArray();
		if (body.length > 0) {
			String html = new String(body, charset);
			String policy = getHeader("Content-Security-Policy");
			body = this.transform.transform(html, HtmlInjector.nonce(policy, html)).getBytes(charset);
		}
		super.setContentLengthLong(body.length);
		String cacheControl = this.transform.cacheControl();
		if (getHeader("Cache-Control") == null && cacheControl != null) {
			super.setHeader("Cache-Control", cacheControl);
		}
		super.getOutputStream().write(body);
	}

	/**
	 * Stop holding: from now on, write straight through. For a forward, whose dispatch
	 * holds and injects the body itself (the container closes the response when a forward
	 * returns), and for asynchronous responses that go on after the filter returns.
	 */
	void passThrough() throws IOException {
		Mode previous = this.mode;
		this.mode = Mode.PASS;
		replayHeldHeaders();
		if (previous == Mode.HOLD && this.held.size() > 0) {
			this.held.writeTo(super.getOutputStream());
		}
		this.held.reset();
	}

	private void holdOrSet(String name, String value) {
		if (this.mode != Mode.PASS && BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			this.heldHeaders.put(name, value);
			return;
		}
		super.setHeader(name, value);
	}

	private Mode decide() {
		if (this.mode == Mode.UNDECIDED) {
			this.mode = isInjectable() ? Mode.HOLD : Mode.PASS;
			if (this.mode == Mode.PASS) {
				replayHeldHeaders();
			}
		}
		return this.mode;
	}

	private boolean isInjectable() {
		String type = getContentType();
		if (type == null || getHeader("Content-Encoding") != null) {
			return false;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		return lower.startsWith("text/html") || lower.startsWith("application/xhtml+xml");
	}

	private void replayHeldHeaders() {
		this.heldHeaders.forEach(super::setHeader);
		this.heldHeaders.clear();
	}

	private Charset charset() {
		// Tomcat answers ISO-8859-1 when no charset was set; decoding and encoding with
		// it
		// round-trips every byte, so a body in an undeclared encoding passes unharmed.
		return Charset.forName(getCharacterEncoding());
	}

	private OutputStream target() throws IOException {
		return (decide() == Mode.HOLD) ? this.held : super.getOutputStream();
	}

	/**
	 * The body stream: held or passed through, decided at the first byte.
	 */
	private final class DecidingStream extends ServletOutputStream {

		@Override
		public void write(int b) throws IOException {
			target().write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			target().write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (decide() == Mode.PASS) {
				HtmlInjectingResponse.super.getOutputStream().flush();
			}
		}

		@Override
		public void close() throws IOException {
			// A forward closes the stream of the response it was given: a held body must
			// survive that until finish().
			if (this.mode() == Mode.PASS) {
				HtmlInjectingResponse.super.getOutputStream().close();
			}
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException("Non-blocking writes are not supported for HTML injection");
		}

		private Mode mode() {
			return HtmlInjectingResponse.this.mode;
		}

	}

}

package io.velocity.hmr.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, so tests can try paths that HTTP client
 * libraries would normalize or refuse to send.
 */
final class RawHttp {

	private RawHttp() {
	}

	static Response get(int port, String rawPath) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			int bodyStart = response.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart < 0) ? "" : response.substring(bodyStart + 4));
		}
	}

	record Response(int status, String body) {
	}

}

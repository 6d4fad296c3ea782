package io.velocity.hmr.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * An upgrade request to the HMR socket written by hand over a plain socket, to see the
 * exact status of a refused upgrade and to play a client that stops reading.
 */
final class RawUpgrade implements AutoCloseable {

	private final Socket socket;

	private final String statusLine;

	private RawUpgrade(Socket socket, String statusLine) {
		this.socket = socket;
		this.statusLine = statusLine;
	}

	/**
	 * Send an upgrade request and read the response head, then read no more.
	 * @param port the server port
	 * @param query the query string, or an empty string
	 * @param origin the Origin header, or {@code null} to send none
	 * @return the upgrade, open until closed
	 * @throws IOException on a connection failure
	 */
	static RawUpgrade open(int port, String query, @Nullable String origin) throws IOException {
		return open(port, query, origin, "localhost:" + port);
	}

	/**
	 * Send an upgrade request with the given Host header and read the response head.
	 * @param port the server port
	 * @param query the query string, or an empty string
	 * @param origin the Origin header, or {@code null} to send none
	 * @param host the Host header
	 * @return the upgrade, open until closed
	 * @throws IOException on a connection failure
	 */
	static RawUpgrade open(int port, String query, @Nullable String origin, String host) throws IOException {
		Socket socket = new Socket();
		// A small receive buffer makes a client that stops reading back up quickly.
		socket.setReceiveBufferSize(4096);
		socket.setSoTimeout(10_000);
		socket.connect(new InetSocketAddress("localhost", port), 10_000);
		StringBuilder request = new StringBuilder();
		request.append("GET /__hmr").append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(host).append("\r\n");
		request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
		request.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
		if (origin != null) {
			request.append("Origin: ").append(origin).append("\r\n");
		}
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return new RawUpgrade(socket, readStatusLine(socket.getInputStream()));
	}

	private static String readStatusLine(InputStream in) throws IOException {
		// Read the head byte by byte up to the blank line, so that no frame after it is
		// consumed.
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int last4 = 0;
		int current;
		while (last4 != 0x0D0A0D0A && (current = in.read()) != -1) {
			head.write(current);
			last4 = (last4 << 8) | current;
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		int end = text.indexOf("\r\n");
		return (end != -1) ? text.substring(0, end) : text;
	}

	/**
	 * Return the HTTP status code of the response to the upgrade request.
	 * @return the status code
	 */
	int status() {
		String[] parts = this.statusLine.split(" ");
		return Integer.parseInt(parts[1]);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}

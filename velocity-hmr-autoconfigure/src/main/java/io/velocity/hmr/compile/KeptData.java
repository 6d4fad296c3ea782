package io.velocity.hmr.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The field encodings that what is kept across restarts (analyses, registry forms, pages
 * kept whole) share, read back from bytes that may be damaged: every count is checked
 * against what is left to read before anything is made of that size.
 */
public final class KeptData {

	/**
	 * More than any count a kept file holds; also bounds a count read from a stream whose
	 * remaining length is not known.
	 */
	private static final int MAX_COUNT = 64 * 1024 * 1024;

	private KeptData() {
	}

	/**
	 * Write a list of strings, each shorter than 64 KB when encoded.
	 * @param out where to write
	 * @param strings the strings
	 * @throws IOException if writing fails
	 */
	public static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
		out.writeInt(strings.size());
		for (String string : strings) {
			out.writeUTF(string);
		}
	}

	/**
	 * Read a list written by {@link #writeStrings}.
	 * @param in where to read
	 * @return the strings
	 * @throws IOException if the bytes are not such a list
	 */
	public static List<String> readStrings(DataInputStream in) throws IOException {
		int count = count(in);
		List<String> strings = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			strings.add(in.readUTF());
		}
		return strings;
	}

	/**
	 * Write a text of any length: code and source maps may be longer than the 64 KB of
	 * {@link DataOutputStream#writeUTF}.
	 * @param out where to write
	 * @param text the text
	 * @throws IOException if writing fails
	 */
	public static void writeText(DataOutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	/**
	 * Read a text written by {@link #writeText}.
	 * @param in where to read
	 * @return the text
	 * @throws IOException if the bytes are not such a text
	 */
	public static String readText(DataInputStream in) throws IOException {
		int length = count(in);
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new IOException("cut short");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Read the count of what follows (elements of a list, bytes of a text), each of which
	 * takes at least a byte.
	 * @param in where to read
	 * @return the count
	 * @throws IOException if it cannot be the count of what is left
	 */
	public static int count(DataInputStream in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_COUNT || count > in.available()) {
			throw new IOException("a count of " + count + " does not fit what is left");
		}
		return count;
	}

}

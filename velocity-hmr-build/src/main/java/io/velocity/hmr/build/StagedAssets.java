package io.velocity.hmr.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.velocity.hmr.production.BuildManifest;

/**
 * Files that modules import by URL ({@code ?url}, an image imported as a module): copied
 * to the output with a content hash in the name, so the URL the module exports is cached
 * for good like the chunks. Those that style sheets reference are esbuild's to copy.
 * Modules are staged in parallel: one copy at a time.
 */
final class StagedAssets {

	private final Path files;

	StagedAssets(Path files) {
		this.files = files;
	}

	/**
	 * Copy a file to the output.
	 * @param path its path, whose name the copy keeps
	 * @param content its content
	 * @return the URL it is served at
	 * @throws IOException if it cannot be written
	 */
	synchronized String add(String path, byte[] content) throws IOException {
		String name = path.substring(path.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot) : "";
		String hashed = "assets/" + stem + "-" + hash(content) + extension;
		Path target = this.files.resolve(hashed);
		Files.createDirectories(target.getParent());
		Files.write(target, content);
		return BuildManifest.URL_PREFIX + hashed;
	}

	static String hash(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return HexFormat.of().formatHex(digest, 0, 5).toUpperCase(java.util.Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.velocity.hmr.compile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.caoccao.javet.swc4j.Swc4jLibLoader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * swc's native library copied once out of its jar into a directory, and found there by
 * the starts that follow. swc4j itself copies it on every start, into a directory of the
 * process's own: 20 MB inflated and written each time, which start-up paid for. The file
 * has swc4j's name for it, which holds the version; the copy is written beside it and
 * moved into place, so a concurrent start never sees half a file, and the directory is
 * private to the user ({@link NativeLibrary}), so nobody else replaces it.
 */
final class NativeLibraryFile {

	private static final Log logger = LogFactory.getLog(NativeLibraryFile.class);

	private NativeLibraryFile() {
	}

	/**
	 * Make sure the library is in the given directory under swc4j's name for it.
	 * @param directory the directory, private to this user
	 * @return the library's file, or empty to leave swc4j to copy it itself
	 */
	static Optional<Path> ensure(Path directory) {
		Optional<String> name = libraryFileName();
		if (name.isEmpty()) {
			return Optional.empty();
		}
		URL resource = Swc4jLibLoader.class.getResource("/" + name.get());
		if (resource == null) {
			return Optional.empty();
		}
		Path target = directory.resolve(name.get());
		try {
			URLConnection connection = resource.openConnection();
			connection.setUseCaches(false);
			long size = connection.getContentLengthLong();
			if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
				connection.getInputStream().close();
				return Optional.of(target);
			}
			Path copy = Files.createTempFile(directory, name.get(), ".tmp");
			try (InputStream input = connection.getInputStream()) {
				Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
				if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
					Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
				}
				Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(copy);
			}
			return Optional.of(target);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not copy swc4j's native library to " + target + "; swc4j copies it itself", ex);
			return Optional.empty();
		}
	}

	/**
	 * swc4j's name for the library of this platform and version, as its loader makes it
	 * (a private method: when it is not there, swc4j is left to copy the library).
	 */
	private static Optional<String> libraryFileName() {
		try {
			Constructor<Swc4jLibLoader> constructor = Swc4jLibLoader.class.getDeclaredConstructor();
			constructor.setAccessible(true);
			Method method = Swc4jLibLoader.class.getDeclaredMethod("getLibFileName");
			method.setAccessible(true);
			return Optional.of((String) method.invoke(constructor.newInstance()));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not tell swc4j's name for its native library", ex);
			return Optional.empty();
		}
	}

}

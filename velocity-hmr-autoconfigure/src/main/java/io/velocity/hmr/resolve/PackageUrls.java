package io.velocity.hmr.resolve;

import java.util.Optional;

/**
 * The URLs packages are served under: {@code /__velocity/npm/<name>@<version>/<path>},
 * such as {@code /__velocity/npm/@lit/reactive-element@2.1.2/reactive-element.js}. The
 * version is part of the URL, so a response never changes and is cached for good.
 */
public final class PackageUrls {

	/**
	 * The URL path packages are served under.
	 */
	public static final String PREFIX = "/__velocity/npm/";

	private PackageUrls() {
	}

	/**
	 * Return the URL of a package's file.
	 * @param file the file
	 * @return its URL
	 */
	public static String url(PackageFile file) {
		return PREFIX + file.pkg().id() + "/" + file.path();
	}

	/**
	 * Whether a URL is under the package prefix.
	 * @param url a URL path, perhaps with a query
	 * @return whether it names a package's file
	 */
	public static boolean isPackageUrl(String url) {
		return url.startsWith(PREFIX);
	}

	/**
	 * Split a URL into the package's id and the file's safe path.
	 * @param url a decoded URL path
	 * @return the parts, or empty when the URL names no file of a package safely
	 */
	public static Optional<Location> parse(String url) {
		if (!isPackageUrl(url)) {
			return Optional.empty();
		}
		String rest = url.substring(PREFIX.length());
		int idEnd = rest.indexOf('/');
		if (rest.startsWith("@") && idEnd > 0) {
			idEnd = rest.indexOf('/', idEnd + 1);
		}
		if (idEnd < 0 || rest.lastIndexOf('@', idEnd) < 1) {
			return Optional.empty();
		}
		String id = rest.substring(0, idEnd);
		return PackagePaths.safe(rest.substring(idEnd + 1)).map((path) -> new Location(id, path));
	}

	/**
	 * Where a package URL points.
	 *
	 * @param id the package's id, {@code name@version}
	 * @param path the file's path in the package
	 */
	public record Location(String id, String path) {
	}

}

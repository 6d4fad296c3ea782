package io.velocity.hmr.compile;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which version of each module the browser must import: a version stamp (epoch millis of
 * its last hot update) per module URL that has one. An importer written with these
 * versions requests {@code /frontend/utils.ts?t=1732430000000}, so the browser fetches
 * the new code rather than reusing the instance it holds. Immutable: the module graph
 * makes a new one whenever an update stamps modules, and an update plan carries the one
 * its code is written with.
 */
public final class ModuleVersions {

	/**
	 * No module has a version stamp, as in production.
	 */
	public static final ModuleVersions NONE = new ModuleVersions(Map.of());

	private final Map<String, Long> stamps;

	private ModuleVersions(Map<String, Long> stamps) {
		this.stamps = stamps;
	}

	/**
	 * Return the version stamp of a module, or 0 if it has none.
	 * @param url the module's URL, without query
	 * @return the stamp
	 */
	public long stamp(String url) {
		return this.stamps.getOrDefault(url, 0L);
	}

	/**
	 * Return the URL an importer must request a module with.
	 * @param url a module URL, perhaps with a query such as {@code ?import}
	 * @return the URL with {@code t=<stamp>} added to its query when the module has a
	 * stamp
	 */
	public String versioned(String url) {
		long stamp = stamp(withoutQuery(url));
		if (stamp == 0) {
			return url;
		}
		return url + ((url.indexOf('?') >= 0) ? "&" : "?") + "t=" + stamp;
	}

	/**
	 * Return these versions with the given modules stamped.
	 * @param urls the URLs of the modules
	 * @param stamp their new stamp
	 * @return the new versions
	 */
	public ModuleVersions with(Collection<String> urls, long stamp) {
		if (urls.isEmpty()) {
			return this;
		}
		Map<String, Long> stamps = new HashMap<>(this.stamps);
		urls.forEach((url) -> stamps.put(url, stamp));
		return new ModuleVersions(Map.copyOf(stamps));
	}

	/**
	 * Return a URL without its query or fragment, as modules are keyed.
	 * @param url a module URL, perhaps with a version stamp
	 * @return the URL's path
	 */
	public static String withoutQuery(String url) {
		int end = url.length();
		int query = url.indexOf('?');
		int fragment = url.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return url.substring(0, end);
	}

	@Override
	public String toString() {
		return "ModuleVersions" + this.stamps;
	}

}

// @ts-check
/**
 * Swaps the linked style sheets of a CSS update without a flash of unstyled content: each
 * <link rel="stylesheet"> of the sheet gets a clone with the new version, inserted right after
 * it, and the old link goes only once the clone has loaded, so the page is never without the
 * styles. Imported style sheets are modules and update through their hot context instead.
 */

/**
 * Swap every link of a style sheet for its new version.
 * @param {string} path the sheet's URL path, such as /frontend/styles.css
 * @param {number} timestamp the version stamp to fetch it with
 * @returns {Promise<'applied' | 'skipped' | 'failed'>} skipped when this page does not link it
 */
export async function updateStyleSheet(path, timestamp) {
	const links = Array.from(document.querySelectorAll('link[rel~="stylesheet"]'))
		.filter((link) => link instanceof HTMLLinkElement && isSheet(link, path));
	if (links.length === 0) {
		return 'skipped';
	}
	const loaded = await Promise.all(links.map((link) => swap(/** @type {HTMLLinkElement} */ (link), timestamp)));
	return loaded.every(Boolean) ? 'applied' : 'failed';
}

/**
 * @param {HTMLLinkElement} link
 * @param {string} path
 */
function isSheet(link, path) {
	if (!link.href) {
		return false;
	}
	const url = new URL(link.href, location.href);
	return url.origin === location.origin && decodePath(url.pathname) === path;
}

/** @param {string} pathname */
function decodePath(pathname) {
	try {
		return decodeURI(pathname);
	}
	catch (error) {
		return pathname;
	}
}

/**
 * @param {HTMLLinkElement} link
 * @param {number} timestamp
 * @returns {Promise<boolean>} whether the new version loaded
 */
function swap(link, timestamp) {
	const url = new URL(link.href, location.href);
	url.searchParams.set('t', String(timestamp));
	const clone = /** @type {HTMLLinkElement} */ (link.cloneNode());
	clone.href = url.href;
	return new Promise((resolve) => {
		clone.addEventListener('load', () => {
			link.remove();
			resolve(true);
		}, { once: true });
		clone.addEventListener('error', () => {
			// The old version is better than none: keep it and drop the clone.
			clone.remove();
			console.error(`[velocity] could not load ${url.pathname}${url.search}; keeping the previous version`);
			resolve(false);
		}, { once: true });
		link.after(clone);
	});
}

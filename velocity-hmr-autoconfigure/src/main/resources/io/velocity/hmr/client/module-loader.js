// @ts-check
/**
 * Evaluates the new code of an updated module. The code travels inline in the update and runs
 * from a blob URL; without code the module is imported from the server with its timestamp.
 */

/** @typedef {import('./hot-context.js').ModuleUpdate} ModuleUpdate */

// Catches import specifiers when the server did not list them: from "/x", import "/x", import("/x").
const ROOT_RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\/(?!\/)[^"'\n]*)\2/g;

export class ModuleLoader {

	/** @param {string} origin the origin root-relative URLs are resolved against */
	constructor(origin) {
		this.origin = origin;
		/** @type {Map<string, string>} versioned module URL to the blob URL its update code was evaluated from */
		this.blobUrls = new Map();
		/** `performance.now()` when the last load finished evaluating, for the update timing marks */
		this.lastLoadedAt = 0;
	}

	/**
	 * Evaluate the new code of a module. A blob module cannot resolve root-relative specifiers,
	 * so they are made absolute first; a module version this page already evaluated from a blob
	 * is linked to that blob, so that one version of a module runs once.
	 * @param {ModuleUpdate} update
	 * @returns {Promise<unknown>} the new module namespace
	 */
	async load(update) {
		const versioned = `${update.acceptedPath}?t=${update.timestamp}`;
		if (typeof update.code !== 'string') {
			return this.loaded(await import(this.origin + versioned));
		}
		const code = this.absoluteImports(update.code, update.imports);
		const blobUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
		// Kept, never revoked: a later update may import this version again.
		this.blobUrls.set(versioned, blobUrl);
		return this.loaded(await import(blobUrl));
	}

	/**
	 * @param {unknown} namespace
	 */
	loaded(namespace) {
		this.lastLoadedAt = performance.now();
		return namespace;
	}

	/**
	 * @param {string} code
	 * @param {string[] | undefined} imports the import URLs exactly as they appear in code
	 */
	absoluteImports(code, imports) {
		/** @param {string} url */
		const target = (url) => this.blobUrls.get(url) ?? this.origin + url;
		if (!imports) {
			return code.replace(ROOT_RELATIVE_IMPORT, (match, keyword, quote, url) => keyword + JSON.stringify(target(url)));
		}
		for (const url of imports) {
			if (url.startsWith('/') && !url.startsWith('//')) {
				const replacement = JSON.stringify(target(url));
				code = code.replaceAll(`"${url}"`, replacement).replaceAll(`'${url}'`, replacement);
			}
		}
		return code;
	}

}

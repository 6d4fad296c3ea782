// @ts-check
import { definitionsSourceMap } from './definition-maps.js';
import { registerModuleSource } from './overlay.js';
import { has as hasRegistered, isPending, load as loadRegistered, refusal, require as requireRegistered, inUse as registryInUse } from './module-registry.js';
/**
 * Evaluates the new code of an updated module. The code travels inline in the update and runs
 * from a data: URL (or a blob: URL); without code, or on a page whose Content-Security-Policy
 * refuses both, the module is imported from the server with its timestamp.
 */

/** @typedef {import('./hmr.js').ModuleUpdate} ModuleUpdate */
/**
 * @typedef {object} InlineModule a module an update versions without accepting it
 * @property {string} path
 * @property {string | null} [code] its new code; none for a module in an import cycle, which the
 * browser fetches when a module that imports it is evaluated
 * @property {string[]} [imports] the import URLs exactly as they appear in code
 * @property {string} [define] the module in the registry form of a bundled page, defined under
 * path?t=timestamp
 */

// Catches import specifiers when the server did not list them: from "/x", import "/x", import("/x").
const ROOT_RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\/(?!\/)[^"'\n]*)\2/g;

// Chromium refuses URLs longer than 2 MB; a module that large goes through a blob.
const MAX_DATA_URL_LENGTH = 1_000_000;

const DATA_URL_PREFIX = 'data:text/javascript;charset=utf-8,';

// Names a module version prepared in the registry of a bundled page rather than a URL to import.
const REGISTERED = 'registry:';

// The registry this module uses, as the definitions an update carries import it: the same URL,
// so the same instance.
const REGISTRY_URL = new URL('./module-registry.js', import.meta.url).href;

/**
 * Whether the page may import data: URLs, which a Content-Security-Policy may forbid where it
 * allows blob: URLs; asked on the first update. A data: URL is decoded in the page, a blob: URL
 * is looked up in the browser process first: Chromium imports a small module about 2 ms sooner
 * from a data: URL.
 * @type {Promise<boolean> | undefined}
 */
let dataUrlsAllowed;

/**
 * Whether the page may import blob: URLs; asked only where data: URLs are refused. A policy such
 * as script-src 'self' refuses both: then update code is not evaluated inline at all, and each
 * module is imported from the server at its versioned URL, which 'self' allows.
 * @type {Promise<boolean> | undefined}
 */
let blobUrlsAllowed;

/** A new version that this page cannot take without a reload. */
export class ReloadRequired extends Error {
}

export class ModuleLoader {

	/**
	 * @param {string} origin the origin root-relative URLs are resolved against
	 * @param {(path: string) => Promise<void>} beforeEvaluate called before a module this page
	 * has is evaluated anew, so that the instance it replaces can dispose of what it made
	 */
	constructor(origin, beforeEvaluate) {
		this.origin = origin;
		this.beforeEvaluate = beforeEvaluate;
		/** @type {Set<string>} versioned URLs of inline modules without code, left for the browser to fetch */
		this.fetched = new Set();
		/** @type {Map<string, string>} versioned module URL to the data: or blob: URL its update code was evaluated from */
		this.blobUrls = new Map();
		/** `performance.now()` when the last load finished evaluating, for the update timing marks */
		this.lastLoadedAt = 0;
		/** @type {Map<string, InlineModule>} versioned URL to the code the current update carries, dependencies first */
		this.inlineModules = new Map();
	}

	/**
	 * Keep the code of the modules an update versions without accepting them, so that loading
	 * an accepted module that imports them needs no request. They are evaluated only when an
	 * accepted module this page applies imports them: another page may never have loaded them.
	 * @param {InlineModule[] | undefined} modules dependencies first
	 * @param {number} timestamp the update's version stamp
	 */
	stage(modules, timestamp) {
		this.inlineModules = new Map((modules ?? []).map((module) => [`${module.path}?t=${timestamp}`, module]));
	}

	/**
	 * Evaluate the new code of a module.
	 * @param {ModuleUpdate} update
	 * @returns {Promise<unknown>} the new module namespace
	 */
	async load(update) {
		return this.import(await this.prepare(update));
	}

	/**
	 * Make the new code of a module importable, with the staged modules it reaches: the URL to
	 * import it from. A data: or blob: module cannot resolve root-relative specifiers, so they
	 * are made absolute first; a module version this page already made importable that way is
	 * linked to that URL, so that one version of a module runs once. Modules are prepared one at
	 * a time, in the update's order, and imported together afterwards. On a bundled page the
	 * new version is defined in the registry instead, and the URL names it there.
	 * @param {ModuleUpdate} update
	 * @returns {Promise<string>} the URL to import
	 */
	async prepare(update) {
		const versioned = `${update.acceptedPath}?t=${update.timestamp}`;
		if (registryInUse()) {
			await this.prepareRegistered(update, versioned);
			return REGISTERED + versioned;
		}
		if (typeof update.code !== 'string' || !(await this.canEvaluateInline())) {
			return this.origin + versioned;
		}
		await this.prepareInlineImports(update.imports);
		return this.evaluable(versioned, update.acceptedPath, update.code, update.imports);
	}

	/**
	 * Import a prepared module: the browser fetches, links and evaluates it, each module it
	 * imports first (on a bundled page the registry evaluates it and its new imports).
	 * @param {string} url
	 * @returns {Promise<unknown>} the module namespace
	 */
	async import(url) {
		if (url.startsWith(REGISTERED)) {
			return this.loaded(requireRegistered(url.slice(REGISTERED.length)));
		}
		return this.loaded(await import(url));
	}

	/**
	 * Define the new version of a module on a bundled page: its definition and those of the new
	 * versions it imports travel in the update in registry form, or, where one is missing, come
	 * from the server; the modules it imports unchanged are the instances the page has. Those of
	 * its new imports that ran before dispose of what they made first, as in
	 * prepareInlineImports().
	 * @param {ModuleUpdate} update
	 * @param {string} versioned
	 */
	async prepareRegistered(update, versioned) {
		if (!(await this.defineInline(update, versioned))) {
			await loadRegistered(versioned, false);
			const reason = refusal(versioned);
			if (reason !== undefined) {
				throw new ReloadRequired(`${update.acceptedPath} cannot be bundled any more (${reason})`);
			}
		}
		for (const [staged, module] of this.inlineModules) {
			if (isPending(staged)) {
				await this.beforeEvaluate(module.path);
			}
		}
	}

	/**
	 * Define the new versions of the accepted modules of one message's updates on a bundled page
	 * together, from the definitions they carry, with those of the staged modules their imports
	 * reach, in one evaluation: each data: module costs the page a request of its own (the more so
	 * with the developer tools' network panel open), so the six importers of a store edit would
	 * otherwise take seven. Defining runs no module code, so it can come before any is disposed
	 * of. An update that cannot be defined so is left to {@link prepare}; if the evaluation fails,
	 * each update is defined on its own there, so that one bad definition fails only its update.
	 * @param {ModuleUpdate[]} updates the updates this page applies, in order
	 */
	async defineTogether(updates) {
		if (updates.length < 2 || !registryInUse()) {
			return;
		}
		/** @type {Map<string, string>} */
		const definitions = new Map();
		/** @type {Map<string, string | null | undefined>} */
		const compiled = new Map();
		/** @type {ModuleUpdate | undefined} */
		let first;
		for (const update of updates) {
			const versioned = `${update.acceptedPath}?t=${update.timestamp}`;
			const own = this.definitionsOf(update, versioned);
			if (own) {
				first ??= update;
				own.definitions.forEach((definition, url) => definitions.set(url, definition));
				own.compiled.forEach((code, url) => compiled.set(url, code));
			}
		}
		if (!first || !(await this.canEvaluateInline())) {
			return;
		}
		try {
			await this.evaluateDefinitions(definitions, compiled, first);
		}
		catch {
			// Defined one by one instead, where the failure is reported with its update.
		}
	}

	/**
	 * Define the new version of a module from the definitions the update carries, with those of
	 * the staged modules its imports reach that this page lacks, in one evaluation: no request.
	 * An import that neither this page nor the update defines (a module or package this page
	 * never loaded), a definition the update left out, or a Content-Security-Policy that
	 * refuses inline modules leaves it to the server.
	 * @param {ModuleUpdate} update
	 * @param {string} versioned
	 * @returns {Promise<boolean>} whether it is defined
	 */
	async defineInline(update, versioned) {
		if (hasRegistered(versioned)) {
			return true;
		}
		const own = this.definitionsOf(update, versioned);
		if (!own || !(await this.canEvaluateInline())) {
			return false;
		}
		await this.evaluateDefinitions(own.definitions, own.compiled, update);
		return true;
	}

	/**
	 * The definitions that define the new version of a module: its own and those of the staged
	 * modules its imports reach that this page lacks, dependencies in the order reached.
	 * @param {ModuleUpdate} update
	 * @param {string} versioned
	 * @returns {{ definitions: Map<string, string>, compiled: Map<string, string | null | undefined> } | null}
	 * versioned URL to definition and to its compiled code (which holds its source map); null
	 * when it is defined already, or an import is neither defined nor carried by the update
	 */
	definitionsOf(update, versioned) {
		if (hasRegistered(versioned) || typeof update.define !== 'string') {
			return null;
		}
		/** @type {Map<string, string>} */
		const definitions = new Map([[versioned, update.define]]);
		/** @type {Map<string, string | null | undefined>} */
		const compiled = new Map([[versioned, update.code]]);
		/** @param {string[] | undefined} urls @returns {boolean} */
		const reach = (urls) => (urls ?? []).every((url) => {
			if (definitions.has(url) || hasRegistered(url)) {
				return true;
			}
			const module = this.inlineModules.get(url);
			if (typeof module?.define !== 'string') {
				return false;
			}
			definitions.set(url, module.define);
			compiled.set(url, module.code);
			return reach(module.imports);
		});
		return reach(update.imports) ? { definitions, compiled } : null;
	}

	/**
	 * Evaluate definitions in one data: (or blob:) module, named after the first update's
	 * versioned URL.
	 * @param {Map<string, string>} definitions versioned URL to definition
	 * @param {Map<string, string | null | undefined>} compiled versioned URL to compiled code
	 * @param {ModuleUpdate} update the update whose module names the evaluation
	 */
	async evaluateDefinitions(definitions, compiled, update) {
		// A module's import declarations are hoisted: put last, the import moves no line.
		const sourceUrl = `${this.origin}${update.acceptedPath}?t=${update.timestamp}`;
		const code = `${[...definitions.values()].join('')}import { registry as __velocity_hmr__ } from ${JSON.stringify(REGISTRY_URL)};\n`
			+ `//# sourceURL=${sourceUrl}`;
		// Stack frames in any of the definitions name the source URL: the overlay maps them
		// through a section per definition to the original files. The map is written only
		// then, off the update's path.
		registerModuleSource(sourceUrl, update.acceptedPath, () => `${code}\n${definitionsSourceMap(definitions, compiled)}`);
		await import(await this.moduleUrl(code));
	}

	/**
	 * Make the staged modules that the given imports reach importable, each before its importers,
	 * so that the importers link to them rather than fetch them; they run when the first module
	 * that imports them is imported. Each is disposed of first.
	 * @param {string[] | undefined} imports
	 */
	async prepareInlineImports(imports) {
		/** @type {Set<string>} */
		const needed = new Set();
		/** @param {string[] | undefined} urls */
		const reach = (urls) => {
			for (const url of urls ?? []) {
				const module = this.inlineModules.get(url);
				if (module && !needed.has(url) && !this.blobUrls.has(url) && !this.fetched.has(url)) {
					needed.add(url);
					reach(module.imports);
				}
			}
		};
		reach(imports);
		// Staged in the server's order, dependencies first, so each links to the ones before.
		for (const [versioned, module] of this.inlineModules) {
			if (!needed.has(versioned)) {
				continue;
			}
			await this.beforeEvaluate(module.path);
			if (typeof module.code === 'string' && await this.canEvaluateInline()) {
				await this.evaluable(versioned, module.path, module.code, module.imports);
			}
			else {
				// Fetched, and evaluated with the cycle, when the module that imports it is.
				this.fetched.add(versioned);
			}
		}
	}

	/**
	 * Make code importable and link its version to that URL.
	 * @param {string} versioned the module's URL with its version stamp
	 * @param {string} path the module's URL
	 * @param {string} code
	 * @param {string[] | undefined} imports
	 * @returns {Promise<string>} the data: or blob: URL to import
	 */
	async evaluable(versioned, path, code, imports) {
		// The browser keys modules by URL: naming the version keeps two versions with the same
		// code apart, and shows the module under its own URL in the developer tools.
		const sourceUrl = this.origin + versioned;
		const linked = `${this.absoluteImports(code, imports)}\n//# sourceURL=${sourceUrl}`;
		const url = await this.moduleUrl(linked);
		this.blobUrls.set(versioned, url);
		// So the overlay can map stack frames in this code to the original source; they name
		// the source URL.
		registerModuleSource(url, path, linked);
		registerModuleSource(sourceUrl, path, linked);
		return url;
	}

	/**
	 * Whether this page's Content-Security-Policy lets it import code from data: or blob: URLs.
	 * @returns {Promise<boolean>}
	 */
	async canEvaluateInline() {
		dataUrlsAllowed ??= import(`${DATA_URL_PREFIX}export%20default%201`).then(() => true, () => false);
		if (await dataUrlsAllowed) {
			return true;
		}
		blobUrlsAllowed ??= import(URL.createObjectURL(new Blob(['export default 1'], { type: 'text/javascript' })))
			.then(() => true, () => false);
		if (!(await blobUrlsAllowed)) {
			console.debug('[velocity] this page\'s Content-Security-Policy refuses data: and blob: modules; '
				+ 'updated modules are imported from the server');
		}
		return blobUrlsAllowed;
	}

	/** @param {string} code */
	async moduleUrl(code) {
		const dataUrl = DATA_URL_PREFIX + encodeURIComponent(code);
		dataUrlsAllowed ??= import(`${DATA_URL_PREFIX}export%20default%201`).then(() => true, () => false);
		if (dataUrl.length <= MAX_DATA_URL_LENGTH && await dataUrlsAllowed) {
			return dataUrl;
		}
		// Kept, never revoked: a later update may import this version again.
		return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
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

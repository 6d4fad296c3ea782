// @ts-check
/**
 * The module registry of bundled pages. A bundle (/__velocity/bundle?entry=…) defines each
 * module of a page's static graph as a factory under the URL its importers write, and the
 * registry evaluates them as ES modules would be: imports first, depth first, in import order,
 * each module once; in a cycle, a module that is still evaluating hands out its namespace as it
 * stands. Namespaces have a getter per export, so importers always read an exporter's current
 * value (live bindings). Hot updates define new versions under versioned URLs
 * (/frontend/a.ts?t=…), as the browser would key them, so unchanged modules keep their state.
 */

/**
 * @typedef {(api: ModuleApi, namespace: Record<string, unknown>, meta: Record<string, unknown>) => void} Factory
 * @typedef {{ namespace: Record<string, unknown>, evaluated: boolean }} ModuleRecord
 */

/** @type {Map<string, Factory>} */
const factories = new Map();

/** @type {Map<string, ModuleRecord>} */
const records = new Map();

/** @type {Map<string, string>} versioned modules the server would not define, with why */
const refusals = new Map();

const BUNDLE_PATH = '/__velocity/bundle';

/** What a module's factory calls: its imports, exports and dynamic imports. */
class ModuleApi {

	/** @param {string} key */
	constructor(key) {
		this.key = key;
	}

	/**
	 * The namespace of an imported module.
	 * @param {string} url
	 */
	i(url) {
		return require(url);
	}

	/**
	 * Give a namespace a getter per export.
	 * @param {Record<string, unknown>} namespace
	 * @param {Record<string, () => unknown>} getters
	 */
	x(namespace, getters) {
		for (const [name, get] of Object.entries(getters)) {
			Object.defineProperty(namespace, name, { enumerable: true, get });
		}
	}

	/**
	 * export * from: every export of another module but its default, unless this module
	 * exports the name itself.
	 * @param {Record<string, unknown>} namespace
	 * @param {Record<string, unknown>} from
	 */
	s(namespace, from) {
		for (const name of Object.keys(from)) {
			if (name !== 'default' && !Object.prototype.hasOwnProperty.call(namespace, name)) {
				Object.defineProperty(namespace, name, { enumerable: true, get: () => from[name] });
			}
		}
	}

	/**
	 * import(): the module's namespace, fetched with its static graph if this page has no
	 * definition of it yet.
	 * @param {string} specifier
	 */
	async load(specifier) {
		const url = new URL(specifier, location.origin + this.key);
		const key = (url.origin === location.origin) ? url.pathname + url.search : url.href;
		return load(key);
	}

}

/**
 * Define a module; a URL already defined keeps its first definition, as a URL the browser
 * imported keeps its first instance.
 * @param {string} key
 * @param {Factory} factory
 */
export function define(key, factory) {
	if (!factories.has(key) && !records.has(key)) {
		factories.set(key, factory);
	}
}

/**
 * Register a module the browser imported natively (the runtime, a package).
 * @param {string} key
 * @param {Record<string, unknown>} namespace
 */
export function registerNative(key, namespace) {
	if (!records.has(key)) {
		records.set(key, { namespace, evaluated: true });
	}
}

/**
 * The server would not define a new version of a module (it awaits at its top level now):
 * imported natively, it would import a second instance of every module it imports, so the page
 * reloads instead, and is then served as native modules.
 * @param {string} key
 * @param {string} reason
 */
export function refuse(key, reason) {
	refusals.set(key, reason);
}

/**
 * @param {string} key
 * @returns {string | undefined} why the server would not define the module, if it would not
 */
export function refusal(key) {
	return refusals.get(key);
}

/**
 * @param {string} key
 * @returns {boolean} whether the module is defined and not yet evaluated
 */
export function isPending(key) {
	return factories.has(key) && !records.has(key);
}

/**
 * @param {string} key
 * @returns {boolean} whether the module is defined or registered
 */
export function has(key) {
	return factories.has(key) || records.has(key);
}

/**
 * Evaluate a module, unless it was, and return its namespace.
 * @param {string} key
 * @returns {Record<string, unknown>}
 */
export function require(key) {
	const existing = records.get(key);
	if (existing) {
		return existing.namespace;
	}
	const factory = factories.get(key);
	if (!factory) {
		throw new Error(`[velocity] ${key} is not in this page's bundle`);
	}
	/** @type {Record<string, unknown>} */
	const namespace = Object.create(null);
	Object.defineProperty(namespace, Symbol.toStringTag, { value: 'Module' });
	const record = { namespace, evaluated: false };
	records.set(key, record);
	const meta = { url: location.origin + key };
	try {
		factory(new ModuleApi(key), namespace, meta);
	}
	catch (error) {
		// As a module that failed: importing it again evaluates it again.
		records.delete(key);
		throw error;
	}
	record.evaluated = true;
	return namespace;
}

/**
 * The namespace of a module, after fetching the definitions of its static graph that this page
 * lacks. A graph the server would not bundle comes as native modules, registered under the
 * same URL.
 * @param {string} key
 * @param {boolean} [evaluate] whether to evaluate it, or only define it
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
export async function load(key, evaluate = true) {
	if (!factories.has(key) && !records.has(key) && key.startsWith('/')) {
		await import(`${location.origin}${BUNDLE_PATH}?entry=${encodeURIComponent(key)}&define`);
	}
	if (!evaluate) {
		return undefined;
	}
	return (factories.has(key) || records.has(key)) ? require(key) : import(key);
}

/** @returns {boolean} whether this page was loaded from a bundle */
export function inUse() {
	return factories.size > 0 || records.size > 0;
}

/** The registry, as bundles name it. */
export const registry = { define, registerNative, require, load, refuse };

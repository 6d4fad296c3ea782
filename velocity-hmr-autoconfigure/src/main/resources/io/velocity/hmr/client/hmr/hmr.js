// @ts-check
/**
 * The owner of hot module state, as Vite's HMRClient: which modules accept which updates, their
 * dispose and prune callbacks, the data they keep across updates and the event listeners they
 * registered, and the application of one update (dispose, evaluate the new code, call the accept
 * callbacks). hmr-client.js owns the socket and feeds updates in; this module never talks to the
 * network. The import.meta.hot object a module sees is an {@link HmrContext} (hmr-context.js)
 * over it.
 */

/** @typedef {{ deps: string[], fn: (modules: unknown[]) => unknown }} AcceptCallback */
/** @typedef {{ callbacks: AcceptCallback[], declined: boolean }} HotModule */
/**
 * @typedef {object} ModuleUpdate
 * @property {'js' | 'css'} type
 * @property {string} path the boundary: the module whose hot context applies the update
 * @property {string} acceptedPath the module imported anew (the boundary itself when it accepts itself)
 * @property {number} timestamp
 * @property {string} [code] the new code of acceptedPath
 * @property {string[]} [imports] the import URLs exactly as they appear in code
 * @property {string} [define] acceptedPath in the registry form of a bundled page, defined under
 * acceptedPath?t=timestamp
 */
/**
 * @typedef {object} HmrClientOptions
 * @property {string} origin the origin module URLs are resolved against
 * @property {(message: { type: string, [field: string]: unknown }) => void} send sends a message to the server
 * @property {(reason: string, path?: string) => Promise<void>} fullReload reloads the page
 */

import { HmrContext } from './hmr-context.js';
import { ModuleLoader, ReloadRequired } from './module-loader.js';

export class HmrClient {

	/** @param {HmrClientOptions} options */
	constructor(options) {
		this.options = options;
		/** @type {Map<string, HotModule>} */
		this.hotModules = new Map();
		/** @type {Map<string, (data: any) => unknown>} */
		this.disposers = new Map();
		/** @type {Map<string, (data: any) => unknown>} */
		this.pruners = new Map();
		/** @type {Map<string, Record<string, any>>} */
		this.dataMap = new Map();
		/** @type {Map<string, Set<(payload: any) => unknown>>} */
		this.listeners = new Map();
		/** @type {Map<string, Map<string, Set<(payload: any) => unknown>>>} listeners by the module that added them */
		this.ownerListeners = new Map();
		this.loader = new ModuleLoader(options.origin, (path) => this.dispose(path));
	}

	/**
	 * Return the hot context of a module. A module that runs again (its update) starts with no
	 * accept callbacks, dispose or prune callback and listeners, since its new code registers its
	 * own; its data stays.
	 * @param {string} ownerPath
	 */
	createContext(ownerPath) {
		this.hotModules.set(ownerPath, { callbacks: [], declined: false });
		this.disposers.delete(ownerPath);
		this.pruners.delete(ownerPath);
		this.removeListeners(ownerPath);
		return new HmrContext(this, ownerPath);
	}

	/** @param {string} ownerPath */
	dataOf(ownerPath) {
		let data = this.dataMap.get(ownerPath);
		if (!data) {
			data = {};
			this.dataMap.set(ownerPath, data);
		}
		return data;
	}

	/**
	 * Call the listeners of an event and wait for those that return a promise. A failing
	 * listener is logged and does not stop the others.
	 * @param {string} event
	 * @param {unknown} payload
	 */
	async notify(event, payload) {
		const listeners = [...(this.listeners.get(event) ?? [])];
		const results = await Promise.allSettled(listeners.map(async (listener) => listener(payload)));
		for (const result of results) {
			if (result.status === 'rejected') {
				console.error(`[velocity] a listener of ${event} failed`, result.reason);
			}
		}
	}

	/**
	 * Apply the JavaScript updates of one message, as Vite applies an update's modules: in their
	 * order each module is disposed of and its new code prepared, its import started at once, so
	 * that the browser fetches and links the new modules together rather than one after another;
	 * then, in their order again, each module's accept callbacks run once it was evaluated.
	 * Failures are reported, not thrown, so the other updates still apply; a module that failed
	 * keeps its old code and its hot callbacks. An update that needs a reload reloads before any
	 * module is disposed of.
	 * @param {ModuleUpdate[]} updates
	 * @returns {Promise<('applied' | 'skipped' | 'failed' | 'reload')[]>} the outcome of each update
	 */
	async applyUpdates(updates) {
		const verdicts = updates.map((update) => this.verdict(update));
		const reload = verdicts.findIndex((verdict) => 'reload' in verdict);
		if (reload >= 0) {
			const { reload: reason } = /** @type {{ reload: string }} */ (verdicts[reload]);
			await this.options.fullReload(reason, updates[reload].acceptedPath);
			return updates.map((update, index) => (index === reload) ? 'reload' : 'skipped');
		}
		// On a bundled page the new versions are defined in one evaluation first.
		await this.loader.defineTogether(updates.filter((update, index) => 'callbacks' in verdicts[index]));
		/** @type {({ update: ModuleUpdate, callbacks: AcceptCallback[], previous: ReturnType<HmrClient['snapshot']>, module: Promise<unknown> } | undefined)[]} */
		const started = [];
		for (const [index, update] of updates.entries()) {
			const verdict = verdicts[index];
			if (!('callbacks' in verdict)) {
				started.push(undefined);
				continue;
			}
			const previous = this.snapshot(update.acceptedPath);
			/** @type {Promise<unknown>} */
			let module;
			try {
				// Prepared in order, so that a module that two updates import runs once, after
				// its dispose.
				await this.dispose(update.acceptedPath);
				module = this.loader.import(await this.loader.prepare(update));
			}
			catch (error) {
				if (error instanceof ReloadRequired) {
					await this.options.fullReload(error.message, update.acceptedPath);
					return updates.map((other) => (other === update) ? 'reload' : 'skipped');
				}
				module = Promise.reject(error);
			}
			// Awaited in order below, while the next module is prepared: not an unhandled rejection.
			module.catch(() => {});
			started.push({ update, callbacks: verdict.callbacks, previous, module });
		}
		/** @type {('applied' | 'skipped' | 'failed' | 'reload')[]} */
		const outcomes = [];
		for (const entry of started) {
			outcomes.push(entry ? await this.accept(entry.update, entry.callbacks, entry.previous, entry.module) : 'skipped');
		}
		return outcomes;
	}

	/**
	 * Whether this page applies an update, and with which accept callbacks.
	 * @param {ModuleUpdate} update
	 * @returns {{ skip: true } | { reload: string } | { callbacks: AcceptCallback[] }}
	 */
	verdict(update) {
		const { path, acceptedPath } = update;
		const boundary = this.hotModules.get(path);
		if (!boundary) {
			// This page never loaded the boundary: the update is for another page.
			return { skip: true };
		}
		if (boundary.declined || this.hotModules.get(acceptedPath)?.declined) {
			return { reload: `${boundary.declined ? path : acceptedPath} declines hot updates` };
		}
		const callbacks = boundary.callbacks.filter(({ deps }) => deps.includes(acceptedPath));
		if (path !== acceptedPath && callbacks.length === 0) {
			// Reloading shows the change; skipping it would leave the page silently stale.
			return { reload: `${path} did not accept the update of ${acceptedPath}` };
		}
		return { callbacks };
	}

	/**
	 * Hand a module's new namespace to the accept callbacks, or report why it has none.
	 * @param {ModuleUpdate} update
	 * @param {AcceptCallback[]} callbacks
	 * @param {ReturnType<HmrClient['snapshot']>} previous what the module registered before
	 * @param {Promise<unknown>} imported
	 * @returns {Promise<'applied' | 'failed'>}
	 */
	async accept(update, callbacks, previous, imported) {
		const { path, acceptedPath } = update;
		try {
			const module = await imported;
			for (const { deps, fn } of callbacks) {
				await fn(deps.map((dep) => (dep === acceptedPath) ? module : undefined));
			}
			return 'applied';
		}
		catch (error) {
			this.restore(acceptedPath, previous);
			const via = (path !== acceptedPath) ? ` (accepted by ${path})` : '';
			console.error(`[velocity] failed to apply update for ${acceptedPath}${via}`, error);
			const { message, stack } = (error instanceof Error) ? error : { message: String(error), stack: '' };
			await this.notify('velocity:error', { message, stack, file: acceptedPath });
			return 'failed';
		}
	}

	/**
	 * Run the dispose callback of a module that is about to run again, with the data its next
	 * instance receives.
	 * @param {string} path
	 */
	async dispose(path) {
		const disposer = this.disposers.get(path);
		if (disposer) {
			await disposer(this.dataOf(path));
		}
	}

	/**
	 * Run the dispose and prune callbacks of modules no page imports any more, and forget them.
	 * @param {string[]} paths
	 */
	async prune(paths) {
		for (const path of paths) {
			const data = this.dataOf(path);
			try {
				await this.disposers.get(path)?.(data);
				await this.pruners.get(path)?.(data);
			}
			catch (error) {
				console.error(`[velocity] failed to prune ${path}`, error);
			}
			this.hotModules.delete(path);
			this.disposers.delete(path);
			this.pruners.delete(path);
			this.dataMap.delete(path);
			this.removeListeners(path);
		}
	}

	/**
	 * @param {string} ownerPath
	 * @param {string} event
	 * @param {(payload: any) => unknown} listener
	 */
	addListener(ownerPath, event, listener) {
		for (const map of [this.listeners, this.ownerMap(ownerPath)]) {
			map.set(event, (map.get(event) ?? new Set()).add(listener));
		}
	}

	/**
	 * @param {string} ownerPath
	 * @param {string} event
	 * @param {(payload: any) => unknown} listener
	 */
	removeListener(ownerPath, event, listener) {
		this.listeners.get(event)?.delete(listener);
		this.ownerMap(ownerPath).get(event)?.delete(listener);
	}

	/** @param {string} ownerPath */
	ownerMap(ownerPath) {
		let map = this.ownerListeners.get(ownerPath);
		if (!map) {
			map = new Map();
			this.ownerListeners.set(ownerPath, map);
		}
		return map;
	}

	/** @param {string} ownerPath */
	removeListeners(ownerPath) {
		for (const [event, listeners] of this.ownerListeners.get(ownerPath) ?? []) {
			listeners.forEach((listener) => this.listeners.get(event)?.delete(listener));
		}
		this.ownerListeners.delete(ownerPath);
	}

	/** @param {string} path */
	snapshot(path) {
		return {
			module: this.hotModules.get(path),
			disposer: this.disposers.get(path),
			pruner: this.pruners.get(path),
			listeners: this.ownerListeners.get(path),
		};
	}

	/**
	 * Put back what a module registered before new code that failed half-way reset it, so the
	 * old code stays hot-updatable.
	 * @param {string} path
	 * @param {ReturnType<HmrClient['snapshot']>} previous
	 */
	restore(path, previous) {
		this.removeListeners(path);
		for (const [map, value] of /** @type {const} */ ([[this.hotModules, previous.module],
			[this.disposers, previous.disposer], [this.pruners, previous.pruner]])) {
			(value) ? map.set(path, /** @type {any} */ (value)) : map.delete(path);
		}
		for (const [event, listeners] of previous.listeners ?? []) {
			listeners.forEach((listener) => this.addListener(path, event, listener));
		}
	}

}

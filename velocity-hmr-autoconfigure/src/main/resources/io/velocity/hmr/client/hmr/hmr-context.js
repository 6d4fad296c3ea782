// @ts-check
/**
 * The import.meta.hot object of one module, as Vite's HMRContext: a thin view over the
 * {@link HmrClient} state for the module's path, so that the client keeps everything a module
 * registered and can put it back when new code for the module fails half-way.
 */

/** @typedef {import('./hmr.js').HmrClient} HmrClient */

/**
 * The import.meta.hot of one module.
 */
export class HmrContext {

	/**
	 * @param {HmrClient} client
	 * @param {string} ownerPath
	 */
	constructor(client, ownerPath) {
		this.client = client;
		this.ownerPath = ownerPath;
	}

	get data() {
		return this.client.dataOf(this.ownerPath);
	}

	/**
	 * @param {string | string[] | ((module: any) => void)} [deps]
	 * @param {Function} [callback]
	 */
	accept(deps, callback) {
		if (typeof deps === 'function' || deps === undefined) {
			const self = /** @type {((module: any) => void) | undefined} */ (deps);
			this.register([this.ownerPath], ([module]) => self?.(module));
		}
		else if (typeof deps === 'string') {
			this.register([deps], ([module]) => callback?.(module));
		}
		else if (Array.isArray(deps)) {
			this.register(deps, (modules) => callback?.(modules));
		}
		else {
			throw new TypeError(`[velocity] invalid import.meta.hot.accept() arguments in ${this.ownerPath}`);
		}
	}

	/** @param {(data: any) => unknown} callback */
	dispose(callback) {
		this.client.disposers.set(this.ownerPath, callback);
	}

	/** @param {(data: any) => unknown} callback */
	prune(callback) {
		this.client.pruners.set(this.ownerPath, callback);
	}

	decline() {
		this.module().declined = true;
	}

	/** @param {string} [message] */
	invalidate(message) {
		console.info(`[velocity] invalidate ${this.ownerPath}${message ? `: ${message}` : ''}`);
		this.client.options.send({ type: 'invalidate', path: this.ownerPath, message });
	}

	/**
	 * @param {string} event
	 * @param {(payload: any) => unknown} listener
	 */
	on(event, listener) {
		this.client.addListener(this.ownerPath, event, listener);
	}

	/**
	 * @param {string} event
	 * @param {(payload: any) => unknown} listener
	 */
	off(event, listener) {
		this.client.removeListener(this.ownerPath, event, listener);
	}

	/**
	 * @param {string[]} deps
	 * @param {(modules: unknown[]) => unknown} fn
	 */
	register(deps, fn) {
		// Code evaluated from a blob had its import URLs made absolute, and an accepted dependency
		// written as the same literal with them: compare the paths the server sends.
		const paths = deps.map((dep) => dep.startsWith(location.origin + '/') ? dep.slice(location.origin.length) : dep);
		this.module().callbacks.push({ deps: paths, fn });
	}

	module() {
		const module = this.client.hotModules.get(this.ownerPath);
		if (!module) {
			throw new Error(`[velocity] ${this.ownerPath} was pruned; its import.meta.hot is no longer active`);
		}
		return module;
	}

}

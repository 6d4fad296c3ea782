// @ts-check
/**
 * Stores, imported by applications as {@code velocity/store} (Solid's {@code solid-js/store}):
 * createStore gives a read-only proxy with per-property tracking at any depth and a setter with
 * Solid's path syntax; produce, reconcile and unwrap help with updates; createMutable is a store
 * written by assignment.
 *
 * For hot swap a store is one piece of state of the owner that creates it: its plain object is
 * recorded in {@code owner.signals} like a signal's value, so a component (or module) swapped in
 * place keeps its store's contents, and keys the new version adds to a plain object start from
 * their new initial values.
 */

import { batch } from './reactive.js';
import { describe, getProperty, hasProperty, isWrappable, ownKeys, setProperty } from './store-node.js';
import { ownedState, unwrap } from './store-state.js';
import { $PROXY } from './signals.js';

export { $RAW } from './store-node.js';
export { unwrap } from './store-state.js';
export { produce, reconcile } from './store-modifiers.js';
export { createMutable, modifyMutable } from './store-mutable.js';

/**
 * @typedef {import('./store-node.js').StoreNode} StoreNode
 */

/** @type {ProxyHandler<StoreNode>} */
const traps = {
	get: (target, property, receiver) => getProperty(target, property, receiver, wrap),
	has: hasProperty,
	set() {
		console.warn('[velocity] A store is read-only: change it with its setter');
		return true;
	},
	deleteProperty() {
		console.warn('[velocity] A store is read-only: change it with its setter');
		return true;
	},
	ownKeys,
	getOwnPropertyDescriptor: (target, property) => describe(target, property, false),
};

/**
 * The store proxy of a plain object, made once and kept on the object. Getters of the object are
 * bound to the proxy, so that what they read is tracked.
 * @param {StoreNode} value
 * @returns {any}
 */
function wrap(value) {
	let proxy = value[$PROXY];
	if (!proxy) {
		Object.defineProperty(value, $PROXY, { value: proxy = new Proxy(value, traps) });
		if (!Array.isArray(value)) {
			const descriptors = Object.getOwnPropertyDescriptors(value);
			for (const key of Object.keys(value)) {
				const get = descriptors[key].get;
				if (get) {
					Object.defineProperty(value, key, {
						configurable: true, enumerable: descriptors[key].enumerable, get: get.bind(proxy),
					});
				}
			}
		}
	}
	return proxy;
}

/**
 * Create a store over a copy-free plain object or array (default {}): a proxy to read it, and a
 * setter taking a path (keys, arrays of keys, filter functions, {from, to, by} ranges) and a value,
 * an updater of the previous value, or an object to merge.
 * @template {object} T
 * @param {T} [initial]
 * @param {{ name?: string }} [_options]
 * @returns {[T, (...args: any[]) => void]}
 */
export function createStore(initial, _options) {
	const state = ownedState(unwrap(initial ?? /** @type {T} */ ({})));
	const isArray = Array.isArray(state);
	/** @param {...any} args */
	const setStore = (...args) => {
		batch(() => (isArray && args.length === 1) ? updateArray(state, args[0]) : updatePath(state, args));
	};
	return [wrap(state), setStore];
}

/**
 * @param {StoreNode} current
 * @param {any} next an array, an object to merge, or an updater of either
 */
function updateArray(current, next) {
	const value = unwrap((typeof next === 'function') ? next(current) : next);
	if (!Array.isArray(value)) {
		mergeInto(current, value);
		return;
	}
	if (current === value) {
		return;
	}
	for (let i = 0; i < value.length; i++) {
		if (current[i] !== value[i]) {
			setProperty(current, i, value[i]);
		}
	}
	setProperty(current, 'length', value.length);
}

/** @param {PropertyKey} key */
function isUnsafe(key) {
	return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/**
 * @param {StoreNode} current
 * @param {Record<string, any>} value
 */
function mergeInto(current, value) {
	for (const key of Object.keys(value)) {
		if (!isUnsafe(key)) {
			setProperty(current, key, value[key]);
		}
	}
}

/**
 * Apply a setter call: walk the path (every part but the last value) down the plain objects and
 * set, update or merge at its end.
 * @param {StoreNode} current
 * @param {any[]} path
 * @param {PropertyKey[]} [traversed] the keys walked so far, last first, for updaters
 */
function updatePath(current, path, traversed = []) {
	/** @type {any} */
	let part;
	let previous = current;
	if (path.length > 1) {
		part = path.shift();
		const isArray = Array.isArray(current);
		if (typeof part === 'string' && (part === '__proto__' || (path.length > 1 && isUnsafe(part)))) {
			return;
		}
		if (Array.isArray(part)) {
			for (const each of part) {
				updatePath(current, [each, ...path], traversed);
			}
			return;
		}
		if (isArray && typeof part === 'function') {
			for (let i = 0; i < current.length; i++) {
				if (part(current[i], i)) {
					updatePath(current, [i, ...path], traversed);
				}
			}
			return;
		}
		if (isArray && typeof part === 'object') {
			const { from = 0, to = current.length - 1, by = 1 } = part;
			for (let i = from; i <= to; i += by) {
				updatePath(current, [i, ...path], traversed);
			}
			return;
		}
		if (path.length > 1) {
			updatePath(current[part], path, [part, ...traversed]);
			return;
		}
		previous = current[part];
		traversed = [part, ...traversed];
	}
	let value = path[0];
	if (typeof value === 'function') {
		value = value(previous, traversed);
		if (value === previous) {
			return;
		}
	}
	if (part === undefined && value == null) {
		return;
	}
	value = unwrap(value);
	if (part === undefined || (isWrappable(previous) && isWrappable(value) && !Array.isArray(value))) {
		mergeInto(previous, value);
	}
	else {
		setProperty(current, part, value);
	}
}

// @ts-check
/**
 * Mutable stores: the same per-property tracking as createStore, written by assignment. Every
 * assignment, delete and array method call is one batched write.
 */

import { batch } from './reactive.js';
import { $PROXY } from './signals.js';
import { describe, getProperty, hasProperty, ownKeys, setProperty } from './store-node.js';
import { ownedState, unwrap } from './store-state.js';

/**
 * @typedef {import('./store-node.js').StoreNode} StoreNode
 */

/** @type {ProxyHandler<StoreNode>} */
const traps = {
	get(target, property, receiver) {
		const value = getProperty(target, property, receiver, wrap);
		// Array methods run as one write, so that a push notifies once.
		if (typeof value === 'function' && Array.isArray(target)
				&& value === /** @type {any} */ (Array.prototype)[property]) {
			return (/** @type {any[]} */ ...args) => batch(() => value.apply(receiver, args));
		}
		return value;
	},
	has: hasProperty,
	set(target, property, value) {
		batch(() => setProperty(target, property, unwrap(value)));
		return true;
	},
	deleteProperty(target, property) {
		batch(() => setProperty(target, property, undefined, true));
		return true;
	},
	ownKeys,
	getOwnPropertyDescriptor: (target, property) => describe(target, property, true),
};

/**
 * The mutable proxy of a plain object, made once and kept on it. Getters and setters of the object
 * (and of its class, for a class instance) are bound to the proxy, setters batched.
 * @param {StoreNode} value
 * @returns {any}
 */
function wrap(value) {
	let proxy = value[$PROXY];
	if (proxy) {
		return proxy;
	}
	Object.defineProperty(value, $PROXY, { value: proxy = new Proxy(value, traps) });
	/** @type {Record<string, PropertyDescriptor>} */
	const descriptors = {};
	const keys = Object.keys(value);
	Object.assign(descriptors, Object.getOwnPropertyDescriptors(value));
	const isClass = !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype;
	for (let prototype = Object.getPrototypeOf(value); isClass && prototype && prototype !== Object.prototype;
		prototype = Object.getPrototypeOf(prototype)) {
		const inherited = Object.getOwnPropertyDescriptors(prototype);
		keys.push(...Object.keys(inherited));
		for (const key of Object.keys(inherited)) {
			descriptors[key] ??= inherited[key];
		}
	}
	for (const key of keys) {
		const { get, set } = descriptors[key];
		if (key === 'constructor' || (!get && !set)) {
			continue;
		}
		Object.defineProperty(value, key, {
			configurable: true,
			get: get?.bind(proxy),
			set: set && ((/** @type {any} */ next) => batch(() => set.call(proxy, next))),
		});
	}
	return proxy;
}

/**
 * Create a mutable store over a plain object (or class instance): read it as a store, write it by
 * assignment.
 * @template {object} T
 * @param {T} state
 * @param {{ name?: string }} [_options]
 * @returns {T}
 */
export function createMutable(state, _options) {
	return wrap(ownedState(unwrap(state ?? /** @type {T} */ ({}))));
}

/**
 * Apply a modifier (reconcile, produce) to a mutable store, as one write.
 * @template T
 * @param {T} state
 * @param {(state: T) => T} modifier
 */
export function modifyMutable(state, modifier) {
	batch(() => modifier(unwrap(state)));
}

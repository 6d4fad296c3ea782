// @ts-check
/**
 * The reactive layer of stores: a store is a proxy over a plain object (or array) that it never
 * copies. Reading a property inside a computation creates, on first need, one signal for that
 * property of that object, so tracking is per property at any depth; {@link setProperty} writes
 * the plain object and notifies exactly those signals. Nested objects get proxies of their own,
 * cached on the object.
 */

import { getListener, read, source, write } from './reactive.js';
import { $PROXY, $TRACK } from './signals.js';

/** The property a store answers with the plain object it wraps. */
export const $RAW = Symbol('store-raw');
/** Signals per property read, on the plain object. */
export const $NODE = Symbol('store-node');
/** Signals per property asked for with `in`, on the plain object. */
export const $HAS = Symbol('store-has');
/** The signal of the object's key set, under $NODE: notified by every change of the object. */
const $SELF = Symbol('store-self');

/**
 * @typedef {Record<PropertyKey, any>} StoreNode
 * @typedef {import('./reactive.js').SignalNode} SignalNode
 * @typedef {Record<PropertyKey, SignalNode>} Nodes
 */

/**
 * Whether a value is wrapped in a store proxy when read from a store: plain objects and arrays
 * (and what already is a proxy); not class instances, functions or primitives.
 * @param {any} value
 * @returns {boolean}
 */
export function isWrappable(value) {
	if (value === null || typeof value !== 'object') {
		return false;
	}
	if (value[$PROXY] || Array.isArray(value)) {
		return true;
	}
	const prototype = Object.getPrototypeOf(value);
	return prototype === null || prototype === Object.prototype;
}

/**
 * @param {StoreNode} target
 * @param {typeof $NODE | typeof $HAS} kind
 * @returns {Nodes}
 */
export function nodesOf(target, kind) {
	let nodes = target[kind];
	if (!nodes) {
		Object.defineProperty(target, kind, { value: nodes = Object.create(null) });
	}
	return nodes;
}

/**
 * @param {Nodes} nodes
 * @param {PropertyKey} property
 * @param {any} value
 * @returns {SignalNode}
 */
function nodeOf(nodes, property, value) {
	return nodes[property] ?? (nodes[property] = source(value, false));
}

/** @param {StoreNode} target subscribe the running computation to any change of target */
export function trackSelf(target) {
	if (getListener()) {
		read(nodeOf(nodesOf(target, $NODE), $SELF, undefined));
	}
}

/**
 * The get trap of stores and mutables: tracked read of a property, wrapping what is wrappable.
 * @param {StoreNode} target
 * @param {PropertyKey} property
 * @param {any} receiver
 * @param {(value: any) => any} wrap the wrap of the store's kind
 * @returns {any}
 */
export function getProperty(target, property, receiver, wrap) {
	if (property === $RAW) {
		return target;
	}
	if (property === $PROXY) {
		return receiver;
	}
	if (property === $TRACK) {
		trackSelf(target);
		return receiver;
	}
	const tracked = target[$NODE]?.[property];
	let value = tracked ? read(tracked) : target[property];
	if (property === $NODE || property === $HAS || property === '__proto__') {
		return value;
	}
	if (!tracked && getListener()) {
		const descriptor = Object.getOwnPropertyDescriptor(target, property);
		// Methods from the prototype and getters are not state of their own.
		if ((typeof value !== 'function' || Object.hasOwn(target, property)) && !descriptor?.get) {
			value = read(nodeOf(nodesOf(target, $NODE), property, value));
		}
	}
	return isWrappable(value) ? wrap(value) : value;
}

/**
 * The has trap: tracked `in`.
 * @param {StoreNode} target
 * @param {PropertyKey} property
 */
export function hasProperty(target, property) {
	if (property === $RAW || property === $PROXY || property === $TRACK || property === $NODE || property === $HAS
			|| property === '__proto__') {
		return true;
	}
	if (getListener()) {
		read(nodeOf(nodesOf(target, $HAS), property, undefined));
	}
	return property in target;
}

/**
 * The ownKeys trap: tracked key listing (Object.keys, spreads, for…in).
 * @param {StoreNode} target
 */
export function ownKeys(target) {
	trackSelf(target);
	return Reflect.ownKeys(target);
}

/**
 * Describe a data property as a getter through the proxy, so that a spread or Object.assign of a
 * store reads (and tracks) each property.
 * @param {StoreNode} target
 * @param {PropertyKey} property
 * @param {boolean} writable whether to also describe a setter (mutables)
 */
export function describe(target, property, writable) {
	const descriptor = Reflect.getOwnPropertyDescriptor(target, property);
	if (!descriptor || descriptor.get || descriptor.set || !descriptor.configurable || property === $PROXY
			|| property === $NODE) {
		return descriptor;
	}
	delete descriptor.value;
	delete descriptor.writable;
	descriptor.get = () => target[$PROXY][property];
	if (writable) {
		descriptor.set = (/** @type {any} */ value) => {
			target[$PROXY][property] = value;
		};
	}
	return descriptor;
}

/**
 * Write one property of a plain object of a store and notify who read it: its signal, `in`
 * checks when it appears or disappears, array indexes beyond a new length, and the key set.
 * Setting undefined (or deleting) removes the property.
 * @param {StoreNode} state
 * @param {PropertyKey} property
 * @param {any} value
 * @param {boolean} [deleting]
 */
export function setProperty(state, property, value, deleting = false) {
	if (property === '__proto__' || (!deleting && state[property] === value)) {
		return;
	}
	const previous = state[property];
	const length = state.length;
	if (value === undefined) {
		delete state[property];
		if (previous !== undefined) {
			notify(state[$HAS]?.[property]);
		}
	}
	else {
		state[property] = value;
		if (previous === undefined) {
			notify(state[$HAS]?.[property]);
		}
	}
	/** @type {Nodes | undefined} */
	const nodes = state[$NODE];
	if (!nodes) {
		return;
	}
	const node = nodes[property];
	if (node) {
		write(node, value);
	}
	if (Array.isArray(state) && state.length !== length) {
		for (let i = state.length; i < length; i++) {
			notify(nodes[i], undefined);
		}
		notify(nodes.length, state.length);
	}
	notify(nodes[$SELF]);
}

/**
 * @param {SignalNode | undefined} node
 * @param {any} [value]
 */
function notify(node, value) {
	if (node) {
		write(node, value);
	}
}

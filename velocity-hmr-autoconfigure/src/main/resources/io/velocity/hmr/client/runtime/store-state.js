// @ts-check
/**
 * The plain state behind stores: unwrap, which gives the plain object of a store (or of anything
 * holding stores), and the slot a store takes in its owner's state, which hot swap records and
 * seeds like a signal's value.
 */

import { batch, computation, read, signal, start, untrack } from './reactive.js';
import { $RAW, isWrappable, setProperty } from './store-node.js';

/**
 * @typedef {import('./store-node.js').StoreNode} StoreNode
 */

/**
 * The plain value behind a store (or anything holding stores), with nested proxies replaced by
 * their plain objects in place; frozen objects are copied.
 * @template T
 * @param {T} item
 * @param {Set<unknown>} [seen]
 * @returns {T}
 */
export function unwrap(item, seen = new Set()) {
	/** @type {any} */
	let value = item;
	const raw = value?.[$RAW];
	if (raw) {
		return raw;
	}
	if (!isWrappable(value) || seen.has(value)) {
		return value;
	}
	if (Object.isFrozen(value)) {
		value = Array.isArray(value) ? value.slice() : { ...value };
	}
	else {
		seen.add(value);
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const unwrapped = unwrap(value[i], seen);
			if (unwrapped !== value[i]) {
				value[i] = unwrapped;
			}
		}
	}
	else {
		const descriptors = Object.getOwnPropertyDescriptors(value);
		for (const key of Object.keys(value)) {
			if (!descriptors[key].get) {
				const unwrapped = unwrap(value[key], seen);
				if (unwrapped !== value[key]) {
					value[key] = unwrapped;
				}
			}
		}
	}
	return value;
}

/** @param {any} value */
function isPlainObject(value) {
	return isWrappable(value) && !Array.isArray(value);
}

/**
 * Record the plain object of a new store (or mutable) as state of the current owner, as a signal's
 * value is, and take the one hot swap seeds instead, with the keys the new initial value adds.
 * @param {any} initial
 * @returns {any}
 */
export function ownedState(initial) {
	const root = signal(initial);
	/** @type {any} */
	const state = root.value;
	if (state !== initial && isPlainObject(state) && isPlainObject(initial)) {
		for (const key of Object.keys(initial)) {
			if (!(key in state)) {
				state[key] = initial[key];
			}
		}
	}
	// A write to the root (hot swap restoring a reload's state into a running instance) goes into
	// the store, whose plain object stays the root's value.
	start(computation('computed', () => {
		const next = read(root);
		if (next !== state && isWrappable(next)) {
			untrack(() => batch(() => replaceContents(state, unwrap(next))));
			root.value = state;
		}
	}, undefined, null, true, false));
	return state;
}

/**
 * @param {StoreNode} state
 * @param {StoreNode} next
 */
function replaceContents(state, next) {
	for (const key of Object.keys(state)) {
		if (!(key in next)) {
			setProperty(state, key, undefined);
		}
	}
	for (const key of Object.keys(next)) {
		setProperty(state, key, next[key]);
	}
	if (Array.isArray(state)) {
		setProperty(state, 'length', next.length);
	}
}

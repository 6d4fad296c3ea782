// @ts-check
/**
 * Store modifiers, passed to a store's setter (or modifyMutable): reconcile diffs new data (such
 * as a server response) into the store so that only what changed notifies, matching array items by
 * key; produce lets a function mutate a draft, Immer style, each assignment a store write.
 */

import { $PROXY, $TRACK } from './signals.js';
import { $HAS, $NODE, $RAW, isWrappable, setProperty } from './store-node.js';
import { unwrap } from './store-state.js';

/**
 * @typedef {import('./store-node.js').StoreNode} StoreNode
 */

const ROOT = Symbol('store-root');

/** @param {PropertyKey} key */
function isUnsafe(key) {
	return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/**
 * A modifier that makes the state equal to value, writing only what differs. Array items are
 * matched by {@code key} (default 'id'), or by identity; with {@code merge}, items are updated in
 * place by position rather than replaced when their identity differs.
 * @template T
 * @param {T} value
 * @param {{ key?: string | null, merge?: boolean }} [options]
 * @returns {(state: any) => T}
 */
export function reconcile(value, options = {}) {
	const { merge = false, key = 'id' } = options;
	const next = unwrap(value);
	return (state) => {
		if (!isWrappable(state) || !isWrappable(next)) {
			return next;
		}
		apply(next, { [ROOT]: state }, ROOT, merge, key);
		return state;
	};
}

/**
 * Make parent[property] equal to target, recursively.
 * @param {any} target
 * @param {StoreNode} parent
 * @param {PropertyKey} property
 * @param {boolean} merge
 * @param {string | null} key
 */
function apply(target, parent, property, merge, key) {
	if (isUnsafe(property)) {
		return;
	}
	const previous = parent[property];
	if (target === previous) {
		return;
	}
	const isArray = Array.isArray(target);
	if (property !== ROOT && (!isWrappable(target) || !isWrappable(previous) || isArray !== Array.isArray(previous)
			|| (key && target[key] !== previous[key]))) {
		setProperty(parent, property, target);
		return;
	}
	if (isArray) {
		if (target.length && previous.length && (!merge || (key && target[0] && target[0][key] != null))) {
			applyKeyed(target, previous, merge, key);
		}
		else {
			for (let i = 0; i < target.length; i++) {
				apply(target[i], previous, i, merge, key);
			}
		}
		if (previous.length > target.length) {
			setProperty(previous, 'length', target.length);
		}
		return;
	}
	for (const name of Object.keys(target)) {
		apply(target[name], previous, name, merge, key);
	}
	for (const name of Object.keys(previous)) {
		if (target[name] === undefined) {
			setProperty(previous, name, undefined);
		}
	}
}

/**
 * Reorder the items of a store array as in target, keeping the objects (and their signals) of the
 * items that stay, matched by key or identity, and updating them.
 * @param {any[]} target
 * @param {any[]} previous
 * @param {boolean} merge
 * @param {string | null} key
 */
function applyKeyed(target, previous, merge, key) {
	/** @param {any} item */
	const keyOf = (item) => (key && item) ? item[key] : item;
	/** @param {any} a @param {any} b */
	const same = (a, b) => a === b || (key && a && b && a[key] != null && a[key] === b[key]);
	let start = 0;
	while (start < previous.length && start < target.length && same(previous[start], target[start])) {
		apply(target[start], previous, start, merge, key);
		start++;
	}
	/** @type {any[]} the old item each new position takes */
	const taken = new Array(target.length);
	let end = previous.length - 1;
	let newEnd = target.length - 1;
	while (end >= start && newEnd >= start && same(previous[end], target[newEnd])) {
		taken[newEnd--] = previous[end--];
	}
	if (end >= start) {
		// The first new position of each key, and per position the next one with the same key.
		/** @type {Map<any, number>} */
		const positions = new Map();
		const sameNext = new Int32Array(newEnd - start + 1);
		for (let j = newEnd; j >= start; j--) {
			const itemKey = keyOf(target[j]);
			sameNext[j - start] = positions.get(itemKey) ?? -1;
			positions.set(itemKey, j);
		}
		for (let i = start; i <= end; i++) {
			const itemKey = keyOf(previous[i]);
			const j = positions.get(itemKey);
			if (j !== undefined && j >= 0) {
				taken[j] = previous[i];
				positions.set(itemKey, sameNext[j - start]);
			}
		}
	}
	for (let j = start; j < target.length; j++) {
		if (j in taken) {
			setProperty(previous, j, taken[j]);
			apply(target[j], previous, j, merge, key);
		}
		else {
			setProperty(previous, j, target[j]);
		}
	}
}

/** @type {WeakMap<object, any>} */
const drafts = new WeakMap();

/** @type {ProxyHandler<StoreNode>} */
const draftTraps = {
	get(target, property) {
		if (property === $RAW) {
			return target;
		}
		const value = target[property];
		if (property === $PROXY || property === $TRACK || property === $NODE || property === $HAS
				|| property === '__proto__') {
			return value;
		}
		return isWrappable(value) ? draftOf(value) : value;
	},
	set(target, property, value) {
		setProperty(target, property, unwrap(value));
		return true;
	},
	deleteProperty(target, property) {
		setProperty(target, property, undefined, true);
		return true;
	},
};

/** @param {object} value */
function draftOf(value) {
	let draft = drafts.get(value);
	if (!draft) {
		drafts.set(value, draft = new Proxy(value, draftTraps));
	}
	return draft;
}

/**
 * A modifier that lets fn change the state by mutating a draft of it: each assignment or delete
 * is a store write, notified when the setter returns.
 * @template T
 * @param {(draft: T) => void} fn
 * @returns {(state: T) => T}
 */
export function produce(fn) {
	return (state) => {
		if (isWrappable(state)) {
			fn(draftOf(/** @type {object} */ (state)));
		}
		return state;
	};
}

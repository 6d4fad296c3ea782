// @ts-check
/**
 * Derived signals that notify less than a memo would: createSelector, which wakes only the
 * computations whose key entered or left the selection (the selected row of a long list), and
 * createDeferred, which passes a value on when the browser is idle.
 */

import {
	getListener, equalFn, mark, memo, onCleanup, peek, read, source, write, DIRTY,
} from './reactive.js';

/**
 * @typedef {import('./reactive.js').Computation} Computation
 */

/**
 * Create a selector over a source: {@code isSelected(key)} is {@code fn(key, source())}, and a
 * computation that called it runs again only when that result flips for its key, so selecting
 * another row of n costs two updates rather than n.
 * @template T, K
 * @param {() => T} sourceFn
 * @param {(key: K, value: T) => boolean} [fn]
 * @param {{ name?: string }} [_options]
 * @returns {(key: K) => boolean}
 */
export function createSelector(sourceFn, fn = equalFn, _options) {
	// Readers per key: an array, since a key usually has one.
	/** @type {Map<K, Computation[]>} */
	const readers = new Map();
	/** @param {Computation[] | undefined} list */
	const wake = (list) => {
		if (list) {
			for (const reader of list) {
				mark(reader, DIRTY);
			}
		}
	};
	const node = memo((/** @type {T} */ previous) => {
		const value = sourceFn();
		if (fn === equalFn) {
			// Only the old and the new key can change their answer.
			if (value !== previous) {
				wake(readers.get(/** @type {any} */ (previous)));
				wake(readers.get(/** @type {any} */ (value)));
			}
		}
		else {
			for (const [key, list] of readers) {
				if (fn(key, value) !== fn(key, previous)) {
					wake(list);
				}
			}
		}
		return value;
	}, undefined, false);
	return (key) => {
		const reader = getListener();
		if (reader) {
			let list = readers.get(key);
			if (list) {
				list.push(reader);
			}
			else {
				readers.set(key, list = [reader]);
			}
			const registered = list;
			onCleanup(() => {
				const index = registered.indexOf(reader);
				if (index >= 0) {
					registered.splice(index, 1);
				}
				if (registered.length === 0 && readers.get(key) === registered) {
					readers.delete(key);
				}
			});
		}
		return fn(key, peek(node));
	};
}

/**
 * Create a signal that follows a source, late: a change is passed on when the browser is next
 * idle (or after timeoutMs at the latest), so that urgent updates render first.
 * @template T
 * @param {() => T} sourceFn
 * @param {{ timeoutMs?: number, equals?: false | ((previous: T, next: T) => boolean), name?: string }} [options]
 * @returns {() => T}
 */
export function createDeferred(sourceFn, options) {
	let pending = false;
	let created = false;
	const deferred = source(undefined, options?.equals);
	const node = memo(() => {
		const value = sourceFn();
		if (created && !pending) {
			pending = true;
			whenIdle(() => {
				pending = false;
				write(deferred, node.value);
			}, options?.timeoutMs);
		}
		return value;
	}, undefined, false);
	created = true;
	deferred.value = node.value;
	return () => read(deferred);
}

/**
 * @param {() => void} fn
 * @param {number | undefined} timeout
 */
function whenIdle(fn, timeout) {
	if (typeof requestIdleCallback === 'function') {
		requestIdleCallback(fn, (timeout === undefined) ? undefined : { timeout });
	}
	else {
		setTimeout(fn, 0);
	}
}

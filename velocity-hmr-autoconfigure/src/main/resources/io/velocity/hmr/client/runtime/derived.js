// @ts-check
/**
 * Derived signals that notify less than a memo would: createSelector, which wakes only the
 * computations whose key entered or left the selection (the selected row of a long list), and
 * createDeferred, which passes a value on when the browser is idle.
 */

import {
	getListener, equalFn, link, mark, memo, onCleanup, peek, read, source, write, DIRTY,
} from './reactive.js';

/**
 * @typedef {import('./reactive.js').Computation} Computation
 * @typedef {import('./reactive-links.js').Source & { state: number }} Source
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
	// One source node per key that was read. Readers subscribe to it with the graph's own links,
	// which a reader drops itself when it runs again or is disposed: a row that asks costs a link,
	// not a cleanup closure and a list of its own.
	/** @type {Map<K, Source>} */
	const keys = new Map();
	let sweepAt = SWEEP_MIN;
	const node = memo((/** @type {T} */ previous) => {
		const value = sourceFn();
		if (fn === equalFn) {
			// Only the old and the new key can change their answer.
			if (value !== previous) {
				wake(keys.get(/** @type {any} */ (previous)));
				wake(keys.get(/** @type {any} */ (value)));
			}
		}
		else {
			for (const [key, readers] of keys) {
				if (readers.subs !== null && fn(key, value) !== fn(key, previous)) {
					wake(readers);
				}
			}
		}
		return value;
	}, undefined, false);
	return (key) => {
		const reader = getListener();
		if (reader) {
			let readers = keys.get(key);
			if (!readers) {
				if (keys.size >= sweepAt) {
					// Keys nobody reads any more (their rows are gone) go once the map has doubled.
					keys.forEach(sweep);
					sweepAt = Math.max(SWEEP_MIN, keys.size * 2);
				}
				// state CLEAN, so that a reader brought up to date never takes it for a stale memo.
				/** @type {Source} */
				const created = { subs: null, subsTail: null, state: 0 };
				keys.set(key, readers = created);
			}
			link(readers, reader);
		}
		return fn(key, peek(node));
	};
}

const SWEEP_MIN = 64;

/**
 * @param {Source} readers
 * @param {any} key
 * @param {Map<any, Source>} keys
 */
function sweep(readers, key, keys) {
	if (readers.subs === null) {
		keys.delete(key);
	}
}

/** @param {Source | undefined} readers the readers of one key */
function wake(readers) {
	for (let l = readers ? readers.subs : null; l !== null; l = l.nextSub) {
		mark(/** @type {Computation} */ (l.sub), DIRTY);
	}
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

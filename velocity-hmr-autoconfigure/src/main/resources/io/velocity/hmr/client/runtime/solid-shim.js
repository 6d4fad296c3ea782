// @ts-check
// TODO(solid-branch): replaced by the reactive core. Minimal versions of the Solid API functions
// that the web layer and compiled JSX need and that runtime.js does not have yet; runtime.js
// re-exports them. The reactive core's versions take their place on merge.

import { effect, onCleanup, read, untrack, write } from './reactive.js';

/**
 * Merge props objects, later ones winning, keeping getters lazy so that props stay reactive.
 * A function source is read lazily, as an accessor of props.
 * @param {...any} sources
 * @returns {Record<string, any>}
 */
export function mergeProps(...sources) {
	/** @type {Record<string, any>} */
	const target = {};
	const resolved = (/** @type {any} */ source) => (typeof source === 'function') ? source() ?? {} : source ?? {};
	/** @type {Set<string>} */
	const keys = new Set();
	for (const source of sources) {
		if (source && typeof source !== 'function') {
			Object.keys(source).forEach((key) => keys.add(key));
		}
		else if (typeof source === 'function') {
			Object.keys(untrack(() => resolved(source))).forEach((key) => keys.add(key));
		}
	}
	for (const key of keys) {
		Object.defineProperty(target, key, {
			enumerable: true,
			configurable: true,
			get() {
				for (let i = sources.length - 1; i >= 0; i--) {
					const source = resolved(sources[i]);
					if (key in source) {
						const value = source[key];
						if (value !== undefined) {
							return value;
						}
					}
				}
				return undefined;
			},
		});
	}
	return target;
}

/**
 * Split props into objects holding the given keys and one with the rest, all reading through.
 * @param {Record<string, any>} props
 * @param {...string[]} keyLists
 * @returns {Record<string, any>[]}
 */
export function splitProps(props, ...keyLists) {
	const taken = new Set(keyLists.flat());
	const through = (/** @type {string[]} */ keys) => {
		/** @type {Record<string, any>} */
		const part = {};
		for (const key of keys) {
			if (key in props) {
				Object.defineProperty(part, key, { enumerable: true, configurable: true, get: () => props[key] });
			}
		}
		return part;
	};
	return [...keyLists.map(through), through(Object.keys(props).filter((key) => !taken.has(key)))];
}

/**
 * Run fn now and whenever what it reads changes, passing what it returned last time.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [value]
 */
export function createRenderEffect(fn, value) {
	effect((previous) => fn(previous === undefined ? /** @type {T} */ (value) : previous));
}

/**
 * A selector: isSelected(key) is true for the key equal to source(), and only the computations
 * that read the old and the new selected key run again when source changes.
 * @template T, K
 * @param {() => T} source
 * @param {(key: K, value: T) => boolean} [equals]
 * @returns {(key: K) => boolean}
 */
export function createSelector(source, equals = (key, value) => /** @type {unknown} */ (key) === value) {
	/** @type {Map<K, { node: import('./reactive.js').SignalNode, readers: number }>} */
	const subscriptions = new Map();
	/** @type {T} */
	let current;
	effect(() => {
		current = source();
		for (const [key, entry] of subscriptions) {
			write(entry.node, equals(key, current));
		}
	});
	return (key) => {
		let entry = subscriptions.get(key);
		if (!entry) {
			const node = { kind: /** @type {'signal'} */ ('signal'), value: equals(key, current), equals: Object.is,
				observers: new Set() };
			entry = { node, readers: 0 };
			subscriptions.set(key, entry);
		}
		const subscribed = entry;
		subscribed.readers++;
		onCleanup(() => {
			if (--subscribed.readers === 0) {
				subscriptions.delete(key);
			}
		});
		return read(subscribed.node);
	};
}

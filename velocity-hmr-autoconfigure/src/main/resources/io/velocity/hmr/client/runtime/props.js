// @ts-check
/**
 * mergeProps and splitProps: combine and divide props objects without reading them, so that a
 * prop that is a getter (a reactive expression in JSX) stays one in the result and is only read
 * where it is used.
 */

import { memo, read } from './reactive.js';
import { $PROXY } from './signals.js';

/** @typedef {Record<PropertyKey, any>} Props */

const yes = () => true;

/**
 * The traps of a props proxy over a {@code { get, has, keys }} object: every property reads
 * through get, so that reads stay reactive, and writes are ignored as props are read-only.
 * @type {ProxyHandler<{ get(key: PropertyKey): any, has(key: PropertyKey): boolean, keys(): string[] }>}
 */
const propTraps = {
	get(target, key, receiver) {
		return (key === $PROXY) ? receiver : target.get(key);
	},
	has(target, key) {
		return key === $PROXY || target.has(key);
	},
	set: yes,
	deleteProperty: yes,
	getOwnPropertyDescriptor(target, key) {
		return { configurable: true, enumerable: true, get: () => target.get(key), set: yes };
	},
	ownKeys(target) {
		return target.keys();
	},
};

/**
 * Merge props objects: for each key the last source whose value is not undefined wins, and a key
 * some source defines with a getter stays a getter. Sources may be accessors of objects or
 * proxies (stores, merged props), which make the result a proxy that reads them on every access.
 * @param {...any} sources
 * @returns {any}
 */
export function mergeProps(...sources) {
	let dynamic = false;
	for (let i = 0; i < sources.length; i++) {
		const source = sources[i];
		if (typeof source === 'function') {
			dynamic = true;
			const node = memo(source);
			sources[i] = () => read(node);
		}
		else if (source && typeof source === 'object' && $PROXY in source) {
			dynamic = true;
		}
	}
	return dynamic ? mergeDynamic(sources) : mergeStatic(sources);
}

/** @param {any} source */
function resolve(source) {
	const value = (typeof source === 'function') ? source() : source;
	return value || {};
}

/** @param {any[]} sources */
function mergeDynamic(sources) {
	return new Proxy({
		get(/** @type {PropertyKey} */ key) {
			for (let i = sources.length - 1; i >= 0; i--) {
				const value = resolve(sources[i])[key];
				if (value !== undefined) {
					return value;
				}
			}
			return undefined;
		},
		has(/** @type {PropertyKey} */ key) {
			return sources.some((source) => key in resolve(source));
		},
		keys() {
			return [...new Set(sources.flatMap((source) => Object.keys(resolve(source))))];
		},
	}, propTraps);
}

/** @param {Props[]} sources */
function mergeStatic(sources) {
	/** @type {Props} */
	const target = {};
	/** @type {Set<string>} */
	const decided = new Set();
	for (let i = sources.length - 1; i >= 0; i--) {
		const source = sources[i];
		if (!source) {
			continue;
		}
		for (const key of Object.getOwnPropertyNames(source)) {
			if (decided.has(key) || key === '__proto__' || key === 'constructor') {
				continue;
			}
			const descriptor = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(source, key));
			if (descriptor.get) {
				decided.add(key);
				// Reads, from this source down, the first value that is not undefined.
				const from = sources.slice(0, i + 1).filter((each) => each && Object.hasOwn(each, key));
				Object.defineProperty(target, key, {
					enumerable: true,
					configurable: true,
					get() {
						for (let j = from.length - 1; j >= 0; j--) {
							const value = from[j][key];
							if (value !== undefined) {
								return value;
							}
						}
						return undefined;
					},
				});
			}
			else if (descriptor.value !== undefined) {
				decided.add(key);
				target[key] = descriptor.value;
			}
			else if (!(key in target)) {
				target[key] = undefined;
			}
		}
	}
	return target;
}

/**
 * Split props by lists of keys: one object per list with those keys (a key goes to the first list
 * that names it), and a last one with the rest. Getters stay getters.
 * @param {Props} props
 * @param {...PropertyKey[]} keys
 * @returns {Props[]}
 */
export function splitProps(props, ...keys) {
	if ($PROXY in props) {
		return splitProxy(props, keys);
	}
	/** @type {Props[]} */
	const objects = keys.map(() => ({}));
	objects.push({});
	for (const key of Object.getOwnPropertyNames(props)) {
		let group = keys.findIndex((list) => list.includes(key));
		if (group < 0) {
			group = keys.length;
		}
		const descriptor = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(props, key));
		const plain = !descriptor.get && !descriptor.set && descriptor.enumerable && descriptor.writable
				&& descriptor.configurable;
		if (plain) {
			objects[group][key] = descriptor.value;
		}
		else {
			Object.defineProperty(objects[group], key, descriptor);
		}
	}
	return objects;
}

/**
 * @param {Props} props a proxy, whose keys may come and go
 * @param {PropertyKey[][]} keys
 */
function splitProxy(props, keys) {
	/** @type {Set<PropertyKey>} */
	const claimed = new Set();
	const groups = keys.map((list) => list.filter((key) => !claimed.has(key) && claimed.add(key)));
	const blocked = keys.flat();
	/** @type {Props[]} */
	const result = groups.map((owned) => new Proxy({
		get: (/** @type {PropertyKey} */ key) => owned.includes(key) ? props[key] : undefined,
		has: (/** @type {PropertyKey} */ key) => owned.includes(key) && key in props,
		keys: () => /** @type {string[]} */ (owned.filter((key) => key in props)),
	}, propTraps));
	result.push(new Proxy({
		get: (/** @type {PropertyKey} */ key) => blocked.includes(key) ? undefined : props[key],
		has: (/** @type {PropertyKey} */ key) => !blocked.includes(key) && key in props,
		keys: () => Object.keys(props).filter((key) => !blocked.includes(key)),
	}, propTraps));
	return result;
}

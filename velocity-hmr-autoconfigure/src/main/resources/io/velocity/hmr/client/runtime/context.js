// @ts-check
/**
 * Context and children, the component-facing part of the owner tree: a context's value is found
 * from the current owner up (through runWithOwner, roots and list rows alike), and
 * {@link children} resolves a component's children once for code that needs the nodes.
 */

import { getOwner, leanOwner, memo, provide, read, runWithOwner } from './reactive.js';

/**
 * @template T
 * @typedef {{ id: symbol, Provider: (props: { value: T, children?: any }) => any, defaultValue: T }} Context
 */

/**
 * Create a context: {@code <Context.Provider value={…}>} gives its descendants a value that
 * {@link useContext} finds, and the default value applies where no provider does.
 * @template T
 * @param {T} [defaultValue]
 * @param {{ name?: string }} [options]
 * @returns {Context<T>}
 */
export function createContext(defaultValue, options) {
	const id = Symbol(options?.name ?? 'context');
	return { id, Provider: createProvider(id), defaultValue: /** @type {T} */ (defaultValue) };
}

/**
 * @template T
 * @param {Context<T>} context
 * @returns {T} the value of the nearest provider of the context above the current owner, or its
 * default value
 */
export function useContext(context) {
	const value = getOwner()?.context?.[context.id];
	return (value !== undefined) ? value : context.defaultValue;
}

/**
 * @param {symbol} id
 */
function createProvider(id) {
	/** @param {{ value: unknown, children?: unknown }} props */
	return function Provider(props) {
		// An owner of its own, so that a provider called as a plain function cannot change the
		// context of its caller.
		const owner = leanOwner('provider', getOwner());
		provide(owner, id, props.value);
		return runWithOwner(owner, () => children(() => props.children));
	};
}

/**
 * Resolve children, evaluated once in a memo: accessors are called (so they are tracked), arrays
 * flattened. The result follows the children; {@code toArray()} always gives an array.
 * @param {() => any} fn usually {@code () => props.children}
 * @returns {(() => any) & { toArray: () => any[] }}
 */
export function children(fn) {
	const unresolved = memo(fn);
	const resolved = memo(() => resolveChildren(read(unresolved)));
	const accessor = /** @type {(() => any) & { toArray: () => any[] }} */ (() => read(resolved));
	accessor.toArray = () => {
		const value = accessor();
		return Array.isArray(value) ? value : (value != null) ? [value] : [];
	};
	return accessor;
}

/**
 * @param {any} value
 * @returns {any} the value with zero-argument functions called and arrays flattened
 */
export function resolveChildren(value) {
	if (typeof value === 'function' && value.length === 0) {
		return resolveChildren(value());
	}
	if (Array.isArray(value)) {
		/** @type {any[]} */
		const results = [];
		for (const item of value) {
			const result = resolveChildren(item);
			if (Array.isArray(result)) {
				for (const each of result) {
					results.push(each);
				}
			}
			else {
				results.push(result);
			}
		}
		return results;
	}
	return value;
}

let nextId = 0;

/**
 * @returns {string} an id unique in the page, for labels and ARIA attributes
 */
export function createUniqueId() {
	return `cl-${nextId++}`;
}

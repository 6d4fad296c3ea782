// @ts-check
/**
 * The Velocity runtime, imported by applications as {@code velocity}: signals, effects and memos
 * over the graph in reactive.js, rendering into a container, and the {@code Show} and {@code For}
 * control-flow components. Components are plain functions that run once; only the parts of the
 * DOM that read a signal are updated when it changes.
 */

import {
	computed, createOwner, dispose, effect, getOwner, onCleanup, read, root, runWithOwner, signal, untrack, write,
} from './reactive.js';
import { moveRange, removeRange } from './dom-range.js';
import { fragmentOf } from './jsx-runtime.js';

export { batch, getOwner, onCleanup, reportError, runWithOwner, untrack } from './reactive.js';
export { Fragment, createComponent, h, jsx, jsxs } from './jsx-runtime.js';
export { render } from './web.js';

/**
 * @param {{ equals?: false | ((a: any, b: any) => boolean) } | undefined} options
 * @returns {(a: any, b: any) => boolean}
 */
function equalsOf(options) {
	if (options?.equals === false) {
		return () => false;
	}
	return options?.equals ?? Object.is;
}

/**
 * Create a signal: a getter that subscribes the running computation, and a setter that takes a
 * value or an updater of the current value and notifies only when {@code equals} says it changed.
 * @template T
 * @param {T} value
 * @param {{ equals?: false | ((a: T, b: T) => boolean) }} [options]
 * @returns {[() => T, (next: T | ((previous: T) => T)) => T]}
 */
export function createSignal(value, options) {
	const node = signal(value, equalsOf(options));
	const get = () => read(node);
	/** @param {any} next */
	const set = (next) => {
		write(node, (typeof next === 'function') ? next(node.value) : next);
		return node.value;
	};
	return [get, set];
}

/**
 * Run fn now and again whenever a signal or memo it read changes. A function it returns runs
 * before the next run and on dispose, like a cleanup registered with {@link onCleanup}.
 * @param {() => unknown} fn
 * @returns {() => void} a function that disposes the effect
 */
export function createEffect(fn) {
	const node = effect(() => {
		const cleanup = fn();
		if (typeof cleanup === 'function') {
			onCleanup(/** @type {() => void} */ (cleanup));
		}
	});
	return () => dispose(node);
}

/**
 * Create a derived value, computed lazily and at most once per change of its sources.
 * @template T
 * @param {(previous: T | undefined) => T} fn
 * @param {{ equals?: false | ((a: T, b: T) => boolean) }} [options]
 * @returns {() => T}
 */
export function createMemo(fn, options) {
	const node = computed(fn, equalsOf(options));
	return () => read(node);
}

/**
 * Run fn, untracked, in an owner that lives until the dispose function fn receives is called.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @returns {T}
 */
export function createRoot(fn) {
	return root(fn);
}

/**
 * Render children while {@code when} is truthy and {@code fallback} otherwise. Children may be a
 * function that receives the truthy value; it runs again only when the condition flips.
 * @param {{ when: unknown, fallback?: unknown, children?: unknown }} props
 */
export function Show(props) {
	const when = (typeof props.when === 'function') ? props.when : () => props.when;
	const condition = computed(() => when(), (a, b) => !a === !b);
	return () => {
		const value = read(condition);
		if (!value) {
			return props.fallback;
		}
		const children = props.children;
		return (typeof children === 'function' && children.length > 0) ? untrack(() => children(value)) : children;
	};
}

/**
 * @typedef {object} ForEntry
 * @property {unknown} item
 * @property {import('./reactive.js').Owner} owner
 * @property {(index: number) => unknown} setIndex
 * @property {Node} first
 * @property {Node} last
 */

/**
 * Render one entry per item of {@code each}, keyed by identity: an item that stays keeps its DOM
 * nodes and effects (moved if its position changed) and only items that leave are disposed.
 * @param {{ each: unknown[] | (() => unknown[] | null | undefined) | null | undefined,
 *   children: (item: any, index: () => number) => unknown }} props
 */
export function For(props) {
	const each = (typeof props.each === 'function') ? props.each : () => props.each;
	const mapItem = Array.isArray(props.children) ? props.children[0] : props.children;
	const owner = getOwner();
	const start = document.createComment('For');
	const end = document.createComment('/For');
	/** @type {ForEntry[]} */
	let entries = [];

	/**
	 * @param {unknown} item
	 * @param {number} index
	 * @returns {ForEntry}
	 */
	function createEntry(item, index) {
		const itemOwner = runWithOwner(owner, () => createOwner('item'));
		return runWithOwner(itemOwner, () => {
			const [getIndex, setIndex] = createSignal(index);
			const fragment = fragmentOf(mapItem(item, getIndex));
			if (!fragment.firstChild) {
				fragment.append(document.createComment(''));
			}
			const first = /** @type {Node} */ (fragment.firstChild);
			const last = /** @type {Node} */ (fragment.lastChild);
			return { item, owner: itemOwner, setIndex, first, last };
		});
	}

	/** @param {unknown[]} items */
	function reconcile(items) {
		/** @type {Map<unknown, ForEntry[]>} */
		const reusable = new Map();
		for (const entry of entries) {
			const same = reusable.get(entry.item);
			same ? same.push(entry) : reusable.set(entry.item, [entry]);
		}
		const next = items.map((item, index) => {
			const entry = reusable.get(item)?.shift() ?? createEntry(item, index);
			entry.setIndex(index);
			return entry;
		});
		for (const stale of reusable.values()) {
			for (const entry of stale) {
				dispose(entry.owner);
				removeRange(entry.first, entry.last);
			}
		}
		// Walk backwards so that each entry only has to sit right before the one placed after it.
		let anchor = end;
		for (let i = next.length - 1; i >= 0; i--) {
			const entry = next[i];
			if (entry.last.nextSibling !== anchor) {
				moveRange(entry.first, entry.last, anchor);
			}
			anchor = /** @type {Comment} */ (entry.first);
		}
		entries = next;
	}

	const fragment = document.createDocumentFragment();
	fragment.append(start, end);
	effect(() => {
		const items = each() ?? [];
		untrack(() => reconcile(Array.from(/** @type {Iterable<unknown>} */ (items))));
	});
	return fragment;
}

// TODO(solid-branch): replaced by the reactive core (minimal versions for the web layer).
export { createRenderEffect, createSelector, mergeProps, splitProps } from './solid-shim.js';

// @ts-check
/**
 * Child insertion for the Velocity runtime: what a JSX child becomes in the DOM. A function child
 * becomes a live range between two comments, kept in step with it by an effect, so that a change
 * replaces exactly that range (or updates one text node) and nothing around it.
 */

import { collectParts, reconcileParts } from './dom-reconcile.js';
import { effect } from './reactive.js';

/**
 * @param {unknown} children
 * @returns {DocumentFragment}
 */
export function fragmentOf(children) {
	const fragment = document.createDocumentFragment();
	insert(fragment, children);
	return fragment;
}

/**
 * Insert a child before {@code before}: nothing for null, undefined and booleans, a text node for
 * other primitives, nodes as they are, arrays flattened, and a live range for a function.
 * @param {Node} parent
 * @param {unknown} child
 * @param {Node | null} [before]
 */
export function insert(parent, child, before = null) {
	if (child == null || typeof child === 'boolean') {
		return;
	}
	if (Array.isArray(child)) {
		for (const item of child) {
			insert(parent, item, before);
		}
	}
	else if (typeof child === 'function') {
		insertDynamic(parent, /** @type {() => unknown} */ (child), before);
	}
	else if (child instanceof Node) {
		parent.insertBefore(child, before);
	}
	else {
		parent.insertBefore(document.createTextNode(String(child)), before);
	}
}

/**
 * Keep the range between two comments in step with fn: a primitive result updates one text node in
 * place (the same Text object for the whole life of the range), nodes, arrays and accessors are
 * reconciled part by part (dom-reconcile.js), so that nodes that stay are not touched.
 * @param {Node} parent
 * @param {() => unknown} fn
 * @param {Node | null} before
 */
function insertDynamic(parent, fn, before) {
	const start = document.createComment('');
	const end = document.createComment('');
	parent.insertBefore(start, before);
	parent.insertBefore(end, before);
	/** @type {Text | null} */
	let text = null;
	/** @type {import('./dom-reconcile.js').Part[]} */
	let parts = [];
	effect(() => {
		let value = fn();
		while (typeof value === 'function') {
			value = value();
		}
		if (value == null || typeof value !== 'object') {
			const data = (value == null || typeof value === 'boolean') ? '' : String(value);
			if (text) {
				if (text.data !== data) {
					text.data = data;
				}
				return;
			}
			reconcileParts(parts, [], end);
			text = document.createTextNode(data);
			parts = [text];
			end.parentNode?.insertBefore(text, end);
			return;
		}
		const next = collectParts(value, [], parts);
		reconcileParts(parts, next, end);
		parts = next;
		text = null;
	});
}

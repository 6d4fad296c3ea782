// @ts-check
/**
 * Child insertion for compiled JSX: what {@code {expression}} becomes in the DOM. A static value
 * is placed once; a function becomes an effect that keeps its nodes in step. Each insertion owns
 * the parts (nodes, and the live ranges of components' fragments) in front of a marker (the next
 * node of the template, or the end of the parent); the parts of one run are turned into those of
 * the next with as few moves as possible (dom-reconcile.js), so that a keyed list that swaps two
 * rows moves two. Text updates the same Text node in place.
 */

import { collectParts, reconcileParts } from './dom-reconcile.js';
import { effect } from './reactive.js';

/**
 * @typedef {import('./dom-reconcile.js').Part} Part
 */

/**
 * Insert a child into parent.
 * @param {Node} parent
 * @param {unknown} value a value, or a function read in an effect
 * @param {Node | null} [marker] the node to insert before; null or undefined appends (undefined:
 * the value is the element's only child)
 * @param {Part[]} [current] the parts already there (internal)
 * @returns {Part[]} what was placed
 */
export function insert(parent, value, marker, current) {
	if (typeof value === 'function' || (Array.isArray(value) && hasFunction(value))) {
		let placed = current ?? [];
		effect(() => {
			placed = place(parent, value, placed, marker ?? null);
		});
		return placed;
	}
	return place(parent, value, current ?? [], marker ?? null);
}

/**
 * @param {unknown[]} array
 * @returns {boolean}
 */
function hasFunction(array) {
	for (const item of array) {
		if (typeof item === 'function' || (Array.isArray(item) && hasFunction(item))) {
			return true;
		}
	}
	return false;
}

/**
 * Place a value where the current parts are, and return its parts.
 * @param {Node} parent
 * @param {unknown} value
 * @param {Part[]} current
 * @param {Node | null} marker
 * @returns {Part[]}
 */
function place(parent, value, current, marker) {
	while (typeof value === 'function') {
		value = value();
	}
	// Inserted into a component's fragment, the nodes have since moved into the page with the marker.
	const target = marker?.parentNode ?? parent;
	if (value == null || typeof value !== 'object') {
		const text = (value == null || typeof value === 'boolean') ? '' : String(value);
		const only = (current.length === 1) ? current[0] : null;
		if (only instanceof Text) {
			if (only.data !== text) {
				only.data = text;
			}
			return current;
		}
		const next = [document.createTextNode(text)];
		reconcileParts(current, next, marker, target);
		return next;
	}
	const next = collectParts(value, [], current);
	reconcileParts(current, next, marker, target);
	return next;
}

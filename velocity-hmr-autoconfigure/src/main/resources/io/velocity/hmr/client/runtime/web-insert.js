// @ts-check
/**
 * Child insertion for compiled JSX: what {@code {expression}} becomes in the DOM. A static value
 * is placed once; a function becomes an effect that keeps its nodes in step. Each insertion owns
 * a contiguous run of nodes in front of a marker (the next node of the template, or the end of
 * the parent), and always at least one node, an empty Text when there is nothing to show, so that
 * neighbouring insertions keep their order. Text updates the same Text node in place.
 *
 * Only the first and last node of a run are trusted: a run is walked live from one to the other,
 * so that hot swap may replace what sits between a component's markers without telling anyone.
 */

import { effect } from './reactive.js';

/**
 * Insert a child into parent.
 * @param {Node} parent
 * @param {unknown} value a value, or a function read in an effect
 * @param {Node | null} [marker] the node to insert before; null appends; undefined means that
 * the value owns every child of parent (it is the element's only child)
 * @param {any} [current] what is already there (internal)
 * @returns {any} what was placed
 */
export function insert(parent, value, marker, current) {
	if (typeof value === 'function' || (Array.isArray(value) && hasFunction(value))) {
		let placed = current;
		effect(() => {
			placed = place(parent, value, placed, marker);
		});
		return placed;
	}
	return place(parent, value, current, marker);
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
 * @param {Node} parent
 * @param {unknown} value
 * @param {any} current
 * @param {Node | null | undefined} marker
 * @returns {any}
 */
function place(parent, value, current, marker) {
	while (typeof value === 'function') {
		value = value();
	}
	if (marker === undefined) {
		return placeAll(parent, value, current);
	}
	if (value == null || typeof value === 'boolean') {
		value = '';
	}
	if (typeof value !== 'object') {
		const text = String(value);
		if (current && current.length === 1 && current[0].nodeType === 3) {
			if (current[0].data !== text) {
				current[0].data = text;
			}
			return current;
		}
		return replace(parent, current, [document.createTextNode(text)], marker);
	}
	/** @type {Node[]} */
	const nodes = [];
	collect(value, nodes);
	if (nodes.length === 0) {
		nodes.push(document.createTextNode(''));
	}
	return replace(parent, current, nodes, marker);
}

/**
 * The value is the element's only content: text goes through textContent and data.
 * @param {Node} parent
 * @param {unknown} value
 * @param {any} current
 * @returns {any}
 */
function placeAll(parent, value, current) {
	if (value == null || typeof value === 'boolean') {
		parent.textContent = '';
		return null;
	}
	if (typeof value !== 'object') {
		const text = String(value);
		const first = parent.firstChild;
		if (typeof current === 'string' && first && first.nodeType === 3 && !first.nextSibling) {
			/** @type {Text} */ (first).data = text;
		}
		else {
			parent.textContent = text;
		}
		return text;
	}
	/** @type {Node[]} */
	const nodes = [];
	collect(value, nodes);
	if (!Array.isArray(current)) {
		parent.textContent = '';
		for (const node of nodes) {
			parent.appendChild(node);
		}
		return nodes;
	}
	const keep = new Set(nodes);
	for (let node = parent.firstChild; node;) {
		const next = node.nextSibling;
		if (!keep.has(node)) {
			parent.removeChild(node);
		}
		node = next;
	}
	arrange(parent, nodes, null);
	return nodes;
}

/**
 * Replace the run current by nodes, in the same place; the first time, in front of marker.
 * @param {Node} parent
 * @param {Node[] | undefined} current
 * @param {Node[]} nodes
 * @param {Node | null} marker
 * @returns {Node[]}
 */
function replace(parent, current, nodes, marker) {
	if (!current || current.length === 0) {
		for (const node of nodes) {
			parent.insertBefore(node, marker);
		}
		return nodes;
	}
	const first = current[0];
	const last = current[current.length - 1];
	const liveParent = first.parentNode ?? last.parentNode ?? parent;
	const keep = (nodes.length > 1) ? new Set(nodes) : null;
	/** @type {Node | null} */
	let after;
	if (first.parentNode === liveParent && last.parentNode === liveParent) {
		after = last.nextSibling;
		for (let node = /** @type {Node | null} */ (first); node && node !== after;) {
			const next = node.nextSibling;
			if (keep ? !keep.has(node) : node !== nodes[0]) {
				liveParent.removeChild(node);
			}
			node = next;
		}
	}
	else {
		// Someone else moved the ends of the run: remove what is left of it, append the new nodes.
		after = (marker && marker.parentNode === liveParent) ? marker : null;
		for (const node of current) {
			if (node.parentNode === liveParent && (keep ? !keep.has(node) : node !== nodes[0])) {
				liveParent.removeChild(node);
			}
		}
	}
	arrange(liveParent, nodes, after);
	return nodes;
}

/**
 * Put nodes in order in front of after, moving only those not already in place.
 * @param {Node} parent
 * @param {Node[]} nodes
 * @param {Node | null} after
 */
function arrange(parent, nodes, after) {
	let next = after;
	for (let i = nodes.length - 1; i >= 0; i--) {
		const node = nodes[i];
		if (node.parentNode !== parent || node.nextSibling !== next) {
			parent.insertBefore(node, next);
		}
		next = node;
	}
}

/**
 * Flatten a value into nodes: arrays (functions in them are read, in the caller's effect),
 * fragments (their children), nodes, and text for anything else.
 * @param {unknown} value
 * @param {Node[]} nodes
 */
function collect(value, nodes) {
	while (typeof value === 'function') {
		value = value();
	}
	if (value == null || typeof value === 'boolean') {
		return;
	}
	if (Array.isArray(value)) {
		for (const item of value) {
			collect(item, nodes);
		}
	}
	else if (value instanceof Node) {
		if (value.nodeType === 11) {
			nodes.push(...value.childNodes);
		}
		else {
			nodes.push(value);
		}
	}
	else {
		nodes.push(document.createTextNode(String(value)));
	}
}

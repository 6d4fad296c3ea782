// @ts-check
/**
 * Replacing the DOM of a hot-swapped component instance without disturbing the page: only the
 * nodes between its two markers change, focus inside the range is carried over to the node at
 * the same position in the new DOM, and a scrolled page keeps its scroll position.
 */

import { clearBetween } from './dom-range.js';

/*
 * Whether the window was away from its top-left corner at its last scroll event. Reading the
 * scroll position right after a swap forces a style and layout (about 0.4 ms per swapped
 * instance in the benchmark), so it is read only on a scrolled page: at (0, 0) a swap cannot
 * move it (Chromium anchors scrolling only away from the top, and no page scrolls above 0).
 */
let scrolled = globalThis.scrollX !== 0 || globalThis.scrollY !== 0;
globalThis.addEventListener('scroll', () => {
	scrolled = globalThis.scrollX !== 0 || globalThis.scrollY !== 0;
}, { passive: true });

/**
 * @typedef {object} FocusPosition
 * @property {number[]} path child indexes from the range's first node to the focused element
 * @property {string} tagName
 * @property {[number | null, number | null] | null} selection the text selection of an input
 */

/**
 * Replace the nodes strictly between start and end by the fragment's nodes.
 * @param {Node} start
 * @param {Node} end
 * @param {DocumentFragment} fragment
 */
export function replaceRange(start, end, fragment) {
	const focus = focusIn(start, end);
	const scroll = scrolled ? [globalThis.scrollX, globalThis.scrollY] : null;
	clearBetween(start, end);
	end.parentNode?.insertBefore(fragment, end);
	if (focus) {
		refocus(start, end, focus);
	}
	// Scroll anchoring moves a scrolled page by what grew or shrank above the viewport: the
	// page stays where the developer left it.
	if (scroll && (globalThis.scrollX !== scroll[0] || globalThis.scrollY !== scroll[1])) {
		globalThis.scrollTo(scroll[0], scroll[1]);
	}
}

/**
 * @param {Node} start
 * @param {Node} end
 * @returns {FocusPosition | null} where the focused element sits in the range, if it does
 */
function focusIn(start, end) {
	const active = document.activeElement;
	if (!active || active === document.body || !start.parentNode?.contains(active)) {
		return null;
	}
	let index = 0;
	for (let node = start.nextSibling; node && node !== end; node = node.nextSibling, index++) {
		if (node.contains(active)) {
			/** @type {number[]} */
			const path = [];
			for (let current = /** @type {Node} */ (active); current !== node;) {
				const parent = /** @type {Node} */ (current.parentNode);
				path.unshift(Array.prototype.indexOf.call(parent.childNodes, current));
				current = parent;
			}
			path.unshift(index);
			return { path, tagName: active.tagName, selection: selectionOf(active) };
		}
	}
	return null;
}

/**
 * @param {Element} element
 * @returns {[number | null, number | null] | null}
 */
function selectionOf(element) {
	if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
		return null;
	}
	try {
		return [element.selectionStart, element.selectionEnd];
	}
	catch {
		// Inputs such as type=number have no selection.
		return null;
	}
}

/**
 * @param {Node} start
 * @param {Node} end
 * @param {FocusPosition} focus
 */
function refocus(start, end, focus) {
	let node = start.nextSibling;
	for (let i = 0; i < focus.path[0] && node && node !== end; i++) {
		node = node.nextSibling;
	}
	for (let i = 1; i < focus.path.length && node && node !== end; i++) {
		node = node.childNodes[focus.path[i]] ?? null;
	}
	if (!(node instanceof HTMLElement || node instanceof SVGElement) || node === end || node.tagName !== focus.tagName) {
		return;
	}
	node.focus({ preventScroll: true });
	if (focus.selection && (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)) {
		try {
			node.setSelectionRange(focus.selection[0], focus.selection[1]);
		}
		catch {
			// Not every input type has a selection.
		}
	}
}

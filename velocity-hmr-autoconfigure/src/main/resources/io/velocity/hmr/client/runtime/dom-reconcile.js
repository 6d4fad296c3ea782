// @ts-check
/**
 * Keeping a dynamic child that renders a list (For's rows, a Suspense boundary's content, any
 * accessor returning nodes) in step with it: its value is flattened into parts, each a node or
 * the range of a DocumentFragment (a component's nodes between its markers), and the parts of the
 * previous run are turned into the new ones with as few DOM moves as possible. Parts that stay in
 * order do not move: only those off the longest run of parts still in their old order are moved,
 * so swapping two rows of a thousand moves two.
 */

/**
 * The nodes a DocumentFragment held when first rendered: they stay together, and go back into
 * the fragment when the part is removed, so that the same fragment can be rendered again (a
 * Suspense boundary's content after its fallback, a Show's children).
 * @typedef {{ first: Node, last: Node, fragment: DocumentFragment }} Range
 * @typedef {Node | Range} Part
 */

/** @type {WeakMap<DocumentFragment, Range>} */
const ranges = new WeakMap();

/**
 * Flatten a rendered value into parts: arrays are flattened, accessors called (within the
 * caller's effect, which tracks them), null, undefined and booleans dropped, and other values
 * become text, reusing the text node at the same place in the previous parts when it says the same.
 * @param {unknown} value
 * @param {Part[]} parts
 * @param {Part[]} previous the parts of the previous run
 * @returns {Part[]}
 */
export function collectParts(value, parts, previous) {
	if (value == null || typeof value === 'boolean') {
		return parts;
	}
	if (Array.isArray(value)) {
		for (const item of value) {
			collectParts(item, parts, previous);
		}
	}
	else if (typeof value === 'function') {
		collectParts(value(), parts, previous);
	}
	else if (value instanceof Node) {
		const part = (value.nodeType === Node.DOCUMENT_FRAGMENT_NODE) ? rangeOf(/** @type {DocumentFragment} */ (value)) : value;
		if (part) {
			parts.push(part);
		}
	}
	else {
		const text = String(value);
		const same = previous[parts.length];
		parts.push((same instanceof Text && same.data === text) ? same : document.createTextNode(text));
	}
	return parts;
}

/**
 * @param {DocumentFragment} fragment
 * @returns {Range | undefined} undefined for a fragment that never held a node
 */
function rangeOf(fragment) {
	let range = ranges.get(fragment);
	if (!range && fragment.firstChild) {
		range = { first: fragment.firstChild, last: /** @type {Node} */ (fragment.lastChild), fragment };
		ranges.set(fragment, range);
	}
	return range;
}

/**
 * Turn the DOM of the old parts into that of the new ones, all placed before end.
 * @param {Part[]} old
 * @param {Part[]} next
 * @param {Node | null} end the node after the last part (a marker), or null when the parts
 * run to the end of parent
 * @param {Node} [parent] the parent, which end gives when there is one
 */
export function reconcileParts(old, next, end, parent = /** @type {Node} */ (end?.parentNode)) {
	let start = 0;
	while (start < old.length && start < next.length && old[start] === next[start]) {
		start++;
	}
	let oldEnd = old.length;
	let newEnd = next.length;
	while (oldEnd > start && newEnd > start && old[oldEnd - 1] === next[newEnd - 1]) {
		oldEnd--;
		newEnd--;
	}
	const after = (newEnd < next.length) ? firstOf(next[newEnd]) : end;
	if (start === oldEnd) {
		for (let j = start; j < newEnd; j++) {
			place(parent, next[j], after);
		}
		return;
	}
	if (start === newEnd) {
		if (start === 0 && oldEnd === old.length && old.length > 1 && clearAll(parent, old, end)) {
			return;
		}
		for (let i = start; i < oldEnd; i++) {
			remove(old[i]);
		}
		return;
	}
	// Where each new part was before (old index + 1; 0: new), and which ones may stay put.
	/** @type {Map<Part, number>} */
	const oldIndex = new Map();
	for (let i = start; i < oldEnd; i++) {
		oldIndex.set(old[i], i);
	}
	const from = new Int32Array(newEnd - start);
	for (let j = start; j < newEnd; j++) {
		const i = oldIndex.get(next[j]);
		if (i !== undefined) {
			from[j - start] = i + 1;
			oldIndex.delete(next[j]);
		}
	}
	for (const part of oldIndex.keys()) {
		remove(part);
	}
	const stays = longestIncreasing(from);
	let anchor = after;
	for (let j = newEnd - 1; j >= start; j--) {
		const part = next[j];
		if (!stays[j - start]) {
			place(parent, part, anchor);
		}
		anchor = firstOf(part);
	}
}

/**
 * Mark the longest run of parts (by new position) whose old positions increase: those can stay.
 * @param {Int32Array} from old position + 1 per new position, 0 for a new part
 * @returns {Uint8Array} 1 for each new position whose part stays where it is
 */
function longestIncreasing(from) {
	const stays = new Uint8Array(from.length);
	// tails[k]: the new position ending the best run of length k + 1 found so far.
	const tails = new Int32Array(from.length);
	const previous = new Int32Array(from.length);
	let length = 0;
	for (let j = 0; j < from.length; j++) {
		const value = from[j];
		if (value === 0) {
			continue;
		}
		let low = 0;
		let high = length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (from[tails[middle]] < value) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		previous[j] = (low > 0) ? tails[low - 1] : -1;
		tails[low] = j;
		if (low === length) {
			length++;
		}
	}
	for (let j = (length > 0) ? tails[length - 1] : -1; j >= 0; j = previous[j]) {
		stays[j] = 1;
	}
	return stays;
}

/** @param {Part} part */
function firstOf(part) {
	return (part instanceof Node) ? part : part.first;
}

/**
 * @param {Node} parent
 * @param {Part} part
 * @param {Node | null} before
 */
function place(parent, part, before) {
	if (part instanceof Node) {
		parent.insertBefore(part, before);
	}
	else if (part.first.parentNode === part.fragment) {
		parent.insertBefore(part.fragment, before);
	}
	else {
		for (let node = /** @type {Node | null} */ (part.first); node;) {
			const next = /** @type {Node | null} */ (node.nextSibling);
			parent.insertBefore(node, before);
			node = (node === part.last) ? null : next;
		}
	}
}

/** @param {Part} part */
export function remove(part) {
	if (part instanceof Node) {
		part.parentNode?.removeChild(part);
	}
	else if (part.first.parentNode !== part.fragment) {
		for (let node = /** @type {Node | null} */ (part.first); node;) {
			const next = /** @type {Node | null} */ (node.nextSibling);
			part.fragment.appendChild(node);
			node = (node === part.last) ? null : next;
		}
	}
}

/**
 * Remove every part at once when they are plain nodes: the fast way to clear a long list.
 * @param {Node} parent
 * @param {Part[]} old
 * @param {Node | null} end
 */
function clearAll(parent, old, end) {
	if (!old.every((part) => part instanceof Node)) {
		return false;
	}
	if (end === null) {
		const range = document.createRange();
		range.setStartBefore(firstOf(old[0]));
		range.setEndAfter(/** @type {Node} */ (parent.lastChild));
		range.deleteContents();
		return true;
	}
	const start = /** @type {Node} */ (firstOf(old[0]).previousSibling);
	if (start && start.previousSibling === null && end.nextSibling === null) {
		parent.textContent = '';
		parent.appendChild(start);
		parent.appendChild(end);
	}
	else {
		const range = document.createRange();
		range.setStartBefore(firstOf(old[0]));
		range.setEndBefore(end);
		range.deleteContents();
	}
	return true;
}

// @ts-check
/**
 * Ranges of sibling DOM nodes, the unit the runtime and hot swap work in: a component instance, a
 * dynamic child and a list entry each own the nodes from a first to a last node (or between two
 * marker comments), and are removed, moved or emptied as a whole.
 */

/**
 * Remove the nodes strictly between two markers, which stay.
 * @param {Node} start
 * @param {Node} end
 */
export function clearBetween(start, end) {
	while (start.nextSibling && start.nextSibling !== end) {
		start.nextSibling.remove();
	}
}

/**
 * Remove the nodes from first to last, both included.
 * @param {Node} first
 * @param {Node} last
 */
export function removeRange(first, last) {
	for (const node of rangeOf(first, last)) {
		node.parentNode?.removeChild(node);
	}
}

/**
 * Move the nodes from first to last, both included, in front of another node.
 * @param {Node} first
 * @param {Node} last
 * @param {Node} before
 */
export function moveRange(first, last, before) {
	for (const node of rangeOf(first, last)) {
		before.parentNode?.insertBefore(node, before);
	}
}

/**
 * Collected before any node moves, since moving one changes its nextSibling.
 * @param {Node} first
 * @param {Node} last
 */
function rangeOf(first, last) {
	const nodes = [first];
	for (let node = first; node !== last && node.nextSibling; node = node.nextSibling) {
		nodes.push(node.nextSibling);
	}
	return nodes;
}

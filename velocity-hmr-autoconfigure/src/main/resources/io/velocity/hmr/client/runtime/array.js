// @ts-check
/**
 * Reactive list mapping, the core of For and Index: each row of a list runs its mapping function
 * once, in an owner of its own, and keeps its result until the row leaves. mapArray keys rows by
 * item (a row follows its item when the list is reordered), indexArray by position (a row's item
 * is a signal). No DOM: the web layer reconciles the mapped nodes.
 *
 * The rows' owners are children of one list owner, created where mapArray is called (usually
 * the For component), not of the memo that maps: the memo runs again on every change, and must
 * not dispose the rows that stay. Hot swap finds the components of the rows there too.
 */

import { createOwner, dispose, leanOwner, read, runWithOwner, source, swapOwner, untrack, write } from './reactive.js';
import { $TRACK } from './signals.js';

/**
 * @typedef {import('./reactive.js').Owner} Owner
 * @typedef {import('./reactive.js').SignalNode} SignalNode
 */

/**
 * Map a list by item identity: the returned function (for a memo) gives the mapped rows in list
 * order, creating rows for new items, keeping the rows of items that stay (and updating their
 * index signal, if mapFn asks for one), and disposing the rows of items that left.
 * @template T, U
 * @param {() => readonly T[] | null | undefined | false} list
 * @param {(item: T, index: () => number) => U} mapFn
 * @param {{ fallback?: () => any }} [options]
 * @returns {() => U[]}
 */
export function mapArray(list, mapFn, options = {}) {
	const rows = createOwner('list');
	const withIndex = mapFn.length > 1;
	/** @type {T[]} */
	let items = [];
	/** @type {any[]} */
	let mapped = [];
	/** @type {Owner[]} */
	let owners = [];
	/** @type {SignalNode[]} */
	let indexes = [];
	/** @type {Owner | null} */
	let fallback = null;

	/**
	 * @param {T} item
	 * @param {number} index
	 * @param {number} j where the row goes in the next arrays
	 * @param {any[]} nextMapped
	 * @param {Owner[]} nextOwners
	 * @param {SignalNode[]} nextIndexes
	 */
	function createRow(item, index, j, nextMapped, nextOwners, nextIndexes) {
		const owner = leanOwner('item', rows);
		nextOwners[j] = owner;
		// The owner swapped by hand rather than with runWithOwner: no closure per row.
		const previous = swapOwner(owner);
		try {
			if (withIndex) {
				const node = source(index);
				nextIndexes[j] = node;
				nextMapped[j] = mapFn(item, () => read(node));
			}
			else {
				nextMapped[j] = /** @type {(item: T) => U} */ (mapFn)(item);
			}
		}
		finally {
			swapOwner(previous);
		}
	}

	/** @param {readonly T[]} next */
	function update(next) {
		const length = next.length;
		if (length === 0) {
			if (owners.length !== 0) {
				owners.forEach(drop);
				compact(rows);
				items = [];
				owners = [];
				indexes = [];
				mapped = [];
			}
			if (options.fallback && !fallback) {
				const owner = fallback = leanOwner('fallback', rows);
				mapped = [runWithOwner(owner, /** @type {() => any} */ (options.fallback))];
			}
			return mapped;
		}
		if (fallback) {
			dispose(fallback);
			fallback = null;
			mapped = [];
		}
		const nextMapped = new Array(length);
		/** @type {Owner[]} */
		const nextOwners = new Array(length);
		/** @type {SignalNode[]} */
		const nextIndexes = withIndex ? new Array(length) : indexes;
		const keep = (/** @type {number} */ i, /** @type {number} */ j) => {
			nextMapped[j] = mapped[i];
			nextOwners[j] = owners[i];
			if (withIndex) {
				nextIndexes[j] = indexes[i];
			}
		};
		let start = 0;
		while (start < length && start < items.length && items[start] === next[start]) {
			keep(start, start);
			start++;
		}
		let oldEnd = items.length - 1;
		let newEnd = length - 1;
		while (oldEnd >= start && newEnd >= start && items[oldEnd] === next[newEnd]) {
			keep(oldEnd--, newEnd--);
		}
		if (oldEnd >= start) {
			// The first new position of each item, and for each position the next one with the same
			// item, so that an item listed twice matches two old rows in order.
			/** @type {Map<T, number>} */
			const positions = new Map();
			const sameNext = new Int32Array(newEnd - start + 1);
			for (let j = newEnd; j >= start; j--) {
				sameNext[j - start] = positions.get(next[j]) ?? -1;
				positions.set(next[j], j);
			}
			let dropped = false;
			for (let i = start; i <= oldEnd; i++) {
				const j = positions.get(items[i]);
				if (j === undefined || j < 0) {
					drop(owners[i]);
					dropped = true;
				}
				else {
					keep(i, j);
					positions.set(items[i], sameNext[j - start]);
				}
			}
			if (dropped) {
				compact(rows);
			}
		}
		for (let j = start; j <= newEnd; j++) {
			if (nextOwners[j] === undefined) {
				createRow(next[j], j, j, nextMapped, nextOwners, nextIndexes);
			}
			else if (withIndex) {
				write(nextIndexes[j], j);
			}
		}
		if (withIndex && length !== items.length) {
			for (let j = newEnd + 1; j < length; j++) {
				write(nextIndexes[j], j);
			}
		}
		items = next.slice();
		owners = nextOwners;
		indexes = nextIndexes;
		return (mapped = nextMapped);
	}

	return () => {
		const next = list() || [];
		// A store array tracks its items through $TRACK.
		/** @type {any} */ (next)[$TRACK];
		return untrack(() => update(next));
	};
}

/**
 * Map a list by position: row i runs once while the list has an item i, and receives that item
 * as a signal, so that a new item at an existing position updates the row instead of replacing it.
 * @template T, U
 * @param {() => readonly T[] | null | undefined | false} list
 * @param {(item: () => T, index: number) => U} mapFn
 * @param {{ fallback?: () => any }} [options]
 * @returns {() => U[]}
 */
export function indexArray(list, mapFn, options = {}) {
	const rows = createOwner('list');
	/** @type {SignalNode[]} */
	let signals = [];
	/** @type {Owner[]} */
	let owners = [];
	/** @type {any[]} */
	let mapped = [];
	/** @type {Owner | null} */
	let fallback = null;

	/** @param {readonly T[]} next */
	function update(next) {
		const length = next.length;
		if (length === 0) {
			if (!fallback) {
				owners.forEach(drop);
				compact(rows);
				signals = [];
				owners = [];
				mapped = [];
				if (options.fallback) {
					const owner = fallback = leanOwner('fallback', rows);
					mapped = [runWithOwner(owner, /** @type {() => any} */ (options.fallback))];
				}
			}
			return mapped;
		}
		if (fallback) {
			dispose(fallback);
			fallback = null;
			mapped = [];
		}
		mapped = mapped.slice(0, length);
		for (let i = 0; i < length; i++) {
			if (i < signals.length) {
				write(signals[i], next[i]);
			}
			else {
				const node = signals[i] = source(next[i]);
				const owner = owners[i] = leanOwner('item', rows);
				mapped[i] = runWithOwner(owner, () => mapFn(() => read(node), i));
			}
		}
		if (owners.length > length) {
			owners.slice(length).forEach(drop);
			compact(rows);
			owners.length = length;
			signals.length = length;
		}
		return mapped;
	}

	return () => {
		const next = list() || [];
		/** @type {any} */ (next)[$TRACK];
		return untrack(() => update(next));
	};
}

/** @param {Owner} owner a row, disposed without taking it out of the list owner one by one */
function drop(owner) {
	dispose(owner, false);
}

/** @param {Owner} rows the list owner, after rows were dropped */
function compact(rows) {
	rows.owned = rows.owned.filter((owner) => !owner.disposed);
}


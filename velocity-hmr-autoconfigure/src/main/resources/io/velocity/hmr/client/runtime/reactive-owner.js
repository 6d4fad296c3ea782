// @ts-check
/**
 * The owner tree of the reactive graph: which owner is current, what each owner created (owners,
 * effects, memos, signals) and the cleanups it registered, and disposal of a whole subtree. The
 * context an owner inherits and the error handlers found through it are in reactive-context.js.
 * Kept apart from the propagation in reactive-graph.js, which only asks for an owner to be current
 * while a computation runs, and for it to be cleaned before the computation runs again.
 */

import { handleError } from './reactive-context.js';
import { unlinkDeps } from './reactive-links.js';

/**
 * @typedef {import('./reactive-graph.js').SignalNode} SignalNode
 * @typedef {import('./reactive-graph.js').Computation} Computation
 */

/**
 * @typedef {object} Owner
 * @property {string} kind 'root', 'owner', 'component', 'item', or a computation's kind ('memo',
 * 'computed', 'render', 'effect')
 * @property {Owner | null} parent the owner this one inherits its context from, and is disposed with
 * unless it is a root
 * @property {Owner[]} owned owners, effects and memos created while this one was current
 * @property {(() => void)[]} cleanups run, last first, before a re-run and on dispose
 * @property {SignalNode[]} signals signals created while this one was current, in creation order
 * @property {boolean} disposed
 * @property {Record<PropertyKey, any> | null} context values provided to this owner and its
 * descendants (by context id), shared with the parent until a provider replaces it
 * @property {number} state 0 for a plain owner; how up to date a computation is
 * @property {((index: number, value: any) => any) | undefined} [seed] set by hot swap while a
 * component (or a module) runs: gives the value a new signal starts with, from its index and
 * initial value
 */

/**
 * The lists of an owner that has not created anything yet. Most computations never create an
 * owner, a cleanup or a signal, and a long list should not pay three arrays per binding: the
 * lists are made on first use (see {@link addTo}).
 * @type {any[]}
 */
export const NONE = /** @type {any[]} */ (/** @type {unknown} */ (Object.freeze([])));

/** @type {Owner | null} */
let currentOwner = null;

/**
 * Create an owner that is disposed with the current one, with lists of its own that hot swap and
 * the component layer may push to.
 * @param {string} [kind]
 * @returns {Owner}
 */
export function createOwner(kind = 'owner') {
	const parent = currentOwner;
	/** @type {Owner} */
	const owner = { kind, parent, owned: [], cleanups: [], signals: [], disposed: false,
		context: parent ? parent.context : null, state: 0 };
	if (parent) {
		addTo(parent, 'owned', owner);
	}
	return owner;
}

/**
 * Create an owner like {@link createOwner}, whose lists are made on first use: for the many
 * owners of a long list.
 * @param {string} kind
 * @param {Owner | null} parent
 * @returns {Owner}
 */
export function leanOwner(kind, parent) {
	/** @type {Owner} */
	const owner = { kind, parent, owned: NONE, cleanups: NONE, signals: NONE, disposed: false,
		context: parent ? parent.context : null, state: 0 };
	if (parent) {
		addTo(parent, 'owned', owner);
	}
	return owner;
}

/**
 * Append to one of an owner's lists, making the list if it is still {@link NONE}.
 * @param {Owner} owner
 * @param {'owned' | 'cleanups' | 'signals'} list
 * @param {any} item
 */
export function addTo(owner, list, item) {
	const items = owner[list];
	if (items === NONE) {
		owner[list] = [item];
	}
	else {
		items.push(item);
	}
}

/** @returns {Owner | null} the owner that effects and cleanups are currently registered with */
export function getOwner() {
	return currentOwner;
}

/**
 * Run fn with an owner current. Errors propagate: this is the graph's own, used by the component
 * layer and hot swap; the API's runWithOwner also holds effects and routes errors to handlers.
 * @template T
 * @param {Owner | null} owner
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithOwner(owner, fn) {
	const previous = currentOwner;
	currentOwner = owner;
	try {
		return fn();
	}
	finally {
		currentOwner = previous;
	}
}

/**
 * Make an owner current and return the one it replaces. For the graph's run of a computation,
 * which restores the previous owner in its own finally block: a run is too frequent to allocate a
 * closure for.
 * @param {Owner | null} owner
 * @returns {Owner | null}
 */
export function swapOwner(owner) {
	const previous = currentOwner;
	currentOwner = owner;
	return previous;
}

/**
 * @template {() => unknown} F
 * @param {F} fn
 * @returns {F}
 */
export function onCleanup(fn) {
	if (currentOwner) {
		addTo(currentOwner, 'cleanups', fn);
	}
	return fn;
}

/**
 * Dispose what an owner created and run its cleanups, last first, leaving the owner usable: the
 * graph does this before a computation runs again.
 * @param {Owner} owner
 */
export function cleanOwner(owner) {
	const owned = owner.owned;
	if (owned.length !== 0) {
		owner.owned = NONE;
		for (let i = owned.length - 1; i >= 0; i--) {
			dispose(owned[i], false);
		}
	}
	const cleanups = owner.cleanups;
	if (cleanups.length !== 0) {
		owner.cleanups = NONE;
		for (let i = cleanups.length - 1; i >= 0; i--) {
			try {
				cleanups[i]();
			}
			catch (error) {
				handleError(error, owner);
			}
		}
	}
	if (owner.signals.length !== 0) {
		owner.signals = NONE;
	}
}

/**
 * Dispose an owner: everything it owns, its cleanups, and its links when it is a computation.
 * @param {Owner} owner
 * @param {boolean} [detach] whether to take it out of its parent's list; false when the caller
 * drops many owners of one parent and compacts the list once
 */
export function dispose(owner, detach = true) {
	if (owner.disposed) {
		return;
	}
	owner.disposed = true;
	cleanOwner(owner);
	const node = /** @type {Partial<Computation>} */ (owner);
	if (node.deps !== undefined) {
		unlinkDeps(/** @type {Computation} */ (node));
	}
	const siblings = owner.parent?.owned;
	if (detach && siblings && siblings.length !== 0) {
		const index = siblings.lastIndexOf(owner);
		if (index >= 0) {
			siblings.splice(index, 1);
		}
	}
}

// @ts-check
/**
 * The owner tree of the reactive graph: which owner is current, what each owner created (owners,
 * effects, computeds, signals) and the cleanups it registered, and disposal of a whole subtree.
 * Kept apart from the propagation in reactive-graph.js, which only asks for the current owner and
 * for an owner to be cleaned before a computation runs again.
 */

/**
 * @typedef {import('./reactive-graph.js').SignalNode} SignalNode
 * @typedef {import('./reactive-graph.js').Computation} Computation
 */

/**
 * @typedef {object} Owner
 * @property {string} kind 'root', 'owner', 'component', 'item', 'effect' or 'computed'
 * @property {Owner | null} parent the owner this one is disposed with
 * @property {Owner[]} owned owners, effects and computeds created while this one was current
 * @property {(() => void)[]} cleanups run, last first, before a re-run and on dispose
 * @property {SignalNode[]} signals signals created while this one was current, in creation order
 * @property {boolean} disposed
 * @property {((index: number, value: any) => any) | undefined} [seed] set by hot swap while a
 * component runs: gives the value a new signal starts with, from its index and initial value
 */

/** @type {Owner | null} */
let currentOwner = null;

/**
 * Report an error thrown by an effect or a cleanup without breaking the graph: the error is logged
 * and dispatched as a {@code velocity:error} event on {@code window} for the overlay.
 * @param {unknown} error
 */
export function reportError(error) {
	console.error('[velocity] Uncaught error in a reactive computation:', error);
	if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
		globalThis.dispatchEvent(new CustomEvent('velocity:error', { detail: error }));
	}
}

/**
 * Create an owner that is disposed with the current one.
 * @param {string} [kind]
 * @returns {Owner}
 */
export function createOwner(kind = 'owner') {
	/** @type {Owner} */
	const owner = { kind, parent: currentOwner, owned: [], cleanups: [], signals: [], disposed: false };
	if (currentOwner) {
		currentOwner.owned.push(owner);
	}
	return owner;
}

/** @returns {Owner | null} the owner that effects and cleanups are currently registered with */
export function getOwner() {
	return currentOwner;
}

/**
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
 * which restores the previous owner in its own finally block: the owner must stay current while
 * an error of the run is reported, and a run is too frequent to allocate a closure for.
 * @param {Owner | null} owner
 * @returns {Owner | null}
 */
export function swapOwner(owner) {
	const previous = currentOwner;
	currentOwner = owner;
	return previous;
}

/** @param {() => void} fn */
export function onCleanup(fn) {
	if (currentOwner) {
		currentOwner.cleanups.push(fn);
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
	owner.owned = [];
	for (let i = owned.length - 1; i >= 0; i--) {
		dispose(owned[i]);
	}
	const cleanups = owner.cleanups;
	owner.cleanups = [];
	for (let i = cleanups.length - 1; i >= 0; i--) {
		try {
			cleanups[i]();
		}
		catch (error) {
			reportError(error);
		}
	}
	owner.signals = [];
}

/**
 * Dispose an owner: everything it owns, its cleanups, and its subscriptions when it is a computation.
 * @param {Owner} owner
 */
export function dispose(owner) {
	if (owner.disposed) {
		return;
	}
	owner.disposed = true;
	cleanOwner(owner);
	const node = /** @type {Partial<Computation>} */ (owner);
	if (node.sources) {
		for (const source of node.sources) {
			source.observers.delete(/** @type {Computation} */ (owner));
		}
		node.sources = [];
	}
	const siblings = owner.parent?.owned;
	const index = siblings ? siblings.indexOf(owner) : -1;
	if (siblings && index >= 0) {
		siblings.splice(index, 1);
	}
}

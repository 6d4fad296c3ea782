// @ts-check
/**
 * The propagation layer of the reactive graph: signals and computations joined by links (see
 * reactive-links.js), marking on write, and the queues that bring computations up to date.
 *
 * A write marks direct subscribers DIRTY and everything further downstream CHECK. A CHECK node
 * first brings its memo sources up to date and only runs again if one of them really changed, so
 * a memo that depends on two paths from the same signal runs once per change and nobody sees a
 * half-updated graph. Marked nodes are queued, and the queues settle (reactive-schedule.js) as
 * Solid's do. Owners and cleanups live in reactive-owner.js; reactive.js creates the nodes.
 */

import { link, trimDeps } from './reactive-links.js';
import { handleError } from './reactive-context.js';
import { cleanOwner, swapOwner } from './reactive-owner.js';

export const CLEAN = 0;
export const CHECK = 1;
export const DIRTY = 2;

/** @typedef {import('./reactive-owner.js').Owner} Owner */
/** @typedef {import('./reactive-links.js').Link} Link */

/**
 * @typedef {object} SignalNode
 * @property {'signal'} kind
 * @property {any} value
 * @property {((a: any, b: any) => boolean) | null} equals null: every write notifies
 * @property {Link | null} subs
 * @property {Link | null} subsTail
 * @property {0} state always CLEAN, so that a read tells a signal from a stale computation at once
 */

/**
 * @typedef {Owner & {
 *   fn: (previous: any) => any, value: any, equals: ((a: any, b: any) => boolean) | null,
 *   pure: boolean, user: boolean, running: boolean, epoch: number,
 *   deps: Link | null, depsTail: Link | null, subs: Link | null, subsTail: Link | null,
 *   suspense: { hold(effect: Computation): boolean } | null
 * }} Computation
 * pure: a memo or computed, brought up to date before effects; user: a createEffect, run after
 * render effects; epoch: the number of its current or last run (0: never ran).
 */

/** @type {Computation | null} */
let activeSub = null;
let epoch = 0;

/**
 * The scheduler (reactive-schedule.js) installs these: the graph queues each computation it marks,
 * and asks for the queues to settle after a write. A hook rather than an import, so that the
 * scheduler can bring computations up to date with this module's functions without a cycle.
 */
let enqueue = (/** @type {Computation} */ _node) => {};
let settle = () => {};

/**
 * @param {(node: Computation) => void} queue
 * @param {() => void} flush
 */
export function useScheduler(queue, flush) {
	enqueue = queue;
	settle = flush;
}

/**
 * Read a signal or memo, subscribing the running computation to it.
 * @param {SignalNode | Computation} node
 */
export function read(node) {
	if (node.state !== CLEAN) {
		update(/** @type {Computation} */ (node));
	}
	if (activeSub !== null) {
		link(node, activeSub);
	}
	return node.value;
}

/**
 * Read a signal or memo without subscribing to it; a stale memo is brought up to date first.
 * @param {SignalNode | Computation} node
 */
export function peek(node) {
	if (node.state !== CLEAN) {
		update(/** @type {Computation} */ (node));
	}
	return node.value;
}

/**
 * Set a signal's value and notify its subscribers, unless equals says it did not change.
 * @param {SignalNode} node
 * @param {any} value
 * @returns {any} the value written
 */
export function write(node, value) {
	if (node.equals !== null && node.equals(node.value, value)) {
		return value;
	}
	node.value = value;
	if (node.subs !== null) {
		notify(node);
		settle();
	}
	return value;
}

/** @param {SignalNode | Computation} node a node whose value changed */
function notify(node) {
	for (let l = node.subs; l !== null; l = l.nextSub) {
		const sub = l.sub;
		// A subscriber in the middle of a run that has not read the node yet will read the new
		// value when it does, so marking it would only run it twice.
		if (!/** @type {Computation} */ (sub).running || l.version === sub.epoch) {
			mark(/** @type {Computation} */ (sub), DIRTY);
		}
	}
}

/**
 * Mark a computation (DIRTY: a source changed; CHECK: a memo it reads may have) and queue it.
 * Also for createSelector, which marks exactly the computations whose key changed.
 * @param {Computation} node
 * @param {number} state
 */
export function mark(node, state) {
	if (node.state >= state) {
		return;
	}
	const wasClean = node.state === CLEAN;
	node.state = state;
	if (!wasClean) {
		return;
	}
	enqueue(node);
	for (let l = node.subs; l !== null; l = l.nextSub) {
		mark(/** @type {Computation} */ (l.sub), CHECK);
	}
}

/**
 * Bring a computation up to date: if it is CHECK, its memo sources first; run it if it is DIRTY.
 * @param {Computation} node
 */
export function update(node) {
	if (node.disposed) {
		return;
	}
	if (node.state === CHECK) {
		for (let l = node.deps; l !== null; l = l.nextDep) {
			const dep = /** @type {Computation} */ (l.dep);
			if (dep.state !== CLEAN) {
				update(dep);
				// The update may have marked the node DIRTY, which the type checker cannot see.
				if (/** @type {number} */ (node.state) === DIRTY) {
					break;
				}
			}
		}
		if (node.state === CHECK) {
			node.state = CLEAN;
		}
	}
	if (node.state === DIRTY) {
		run(node);
	}
}

/**
 * Run a computation now: clean what its last run created, record what it reads, and notify its
 * subscribers if its value changed. An error goes to the nearest handler of its owner chain.
 * @param {Computation} node
 */
export function run(node) {
	cleanOwner(node);
	const first = node.epoch === 0;
	const previousSub = activeSub;
	const previousOwner = swapOwner(node);
	node.epoch = ++epoch;
	node.depsTail = null;
	// Clean before running, so that a write the run makes to its own sources marks it again.
	node.state = CLEAN;
	node.running = true;
	activeSub = node;
	let failed = false;
	let failure;
	try {
		const value = node.fn(node.value);
		if (first || node.equals === null || !node.equals(node.value, value)) {
			node.value = value;
			if (!first && node.subs !== null) {
				notify(node);
			}
		}
	}
	catch (error) {
		failed = true;
		failure = error;
	}
	finally {
		activeSub = previousSub;
		swapOwner(previousOwner);
		node.running = false;
		trimDeps(node);
	}
	if (failed) {
		handleError(failure, node);
	}
}

/**
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function untrack(fn) {
	if (activeSub === null) {
		return fn();
	}
	const previous = activeSub;
	activeSub = null;
	try {
		return fn();
	}
	finally {
		activeSub = previous;
	}
}

/** @returns {Computation | null} the computation whose reads are being tracked */
export function getListener() {
	return activeSub;
}

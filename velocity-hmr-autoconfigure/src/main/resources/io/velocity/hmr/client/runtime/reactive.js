// @ts-check
/**
 * The reactive graph of the Velocity runtime: signals, memos and effects joined by the sources
 * each one read on its last run, and the owner tree that disposes them.
 *
 * This module is the graph's entry point: it creates the nodes and re-exports the rest. The
 * propagation (marking, bringing up to date) lives in reactive-graph.js, the queues and batching in
 * reactive-schedule.js, the links in reactive-links.js and the owner tree (cleanups, context,
 * errors, disposal) in reactive-owner.js. No DOM in here, and no public API: signals.js and the modules beside it
 * build Solid's API on top, and the web layer renders with {@link effect} and friends.
 */

import { CLEAN, DIRTY, untrack } from './reactive-graph.js';
import { holdEffects, schedule, start } from './reactive-schedule.js';
import { lookup } from './reactive-context.js';
import { NONE, addTo, dispose, getOwner, runWithOwner } from './reactive-owner.js';

export { getListener, mark, peek, read, run, untrack, write, CHECK, DIRTY } from './reactive-graph.js';
export { batch, holdEffects, resume, start } from './reactive-schedule.js';
export {
	addTo, cleanOwner, createOwner, dispose, getOwner, leanOwner, onCleanup, runWithOwner, swapOwner, NONE,
} from './reactive-owner.js';
export { castError, catchErrors, handleError, lookup, provide, reportError } from './reactive-context.js';
export { link } from './reactive-links.js';

/**
 * @typedef {import('./reactive-owner.js').Owner} Owner
 * @typedef {import('./reactive-graph.js').SignalNode} SignalNode
 * @typedef {import('./reactive-graph.js').Computation} Computation
 * @typedef {((a: any, b: any) => boolean) | false | null | undefined} Equals
 */

/**
 * Context key of the nearest Suspense boundary: resources read below it suspend it, and user
 * effects created below it wait while it shows its fallback.
 */
export const SUSPENSE = Symbol('velocity-suspense');

/** Solid's default comparison of a signal's old and new value. */
export const equalFn = (/** @type {unknown} */ a, /** @type {unknown} */ b) => a === b;

/**
 * @param {Equals} equals
 * @returns {((a: any, b: any) => boolean) | null}
 */
function comparator(equals) {
	return (equals === false || equals === null) ? null : (equals ?? equalFn);
}

/**
 * Create a signal that belongs to the current owner's state: it is recorded in
 * {@code owner.signals}, in creation order, and when hot swap has set {@code owner.seed} it starts
 * from the value the seed gives instead of its initial value.
 * @param {any} value
 * @param {Equals} [equals] undefined: ===; false or null: every write notifies
 * @returns {SignalNode}
 */
export function signal(value, equals) {
	const owner = getOwner();
	const initial = (owner?.seed) ? owner.seed(owner.signals.length, value) : value;
	const node = source(initial, equals);
	if (owner) {
		addTo(owner, 'signals', node);
	}
	return node;
}

/**
 * Create a signal that is nobody's state (an index, a store property, a resource's status): not
 * recorded, never seeded.
 * @param {any} value
 * @param {Equals} [equals]
 * @returns {SignalNode}
 */
export function source(value, equals) {
	return { kind: 'signal', value, equals: comparator(equals), subs: null, subsTail: null, state: CLEAN };
}

/**
 * Create a computation owned by the current owner, not run yet.
 * @param {string} kind 'memo', 'computed', 'render', 'effect' or 'reaction'
 * @param {(previous: any) => any} fn
 * @param {any} value the previous value fn receives on its first run
 * @param {Equals} equals
 * @param {boolean} pure whether it runs with memos (before effects)
 * @param {boolean} user whether it runs after render effects
 * @returns {Computation}
 */
export function computation(kind, fn, value, equals, pure, user) {
	const parent = getOwner();
	/** @type {Computation} */
	const node = {
		kind, parent, owned: NONE, cleanups: NONE, signals: NONE, disposed: false,
		context: parent ? parent.context : null, state: DIRTY,
		fn, value, equals: comparator(equals), pure, user, running: false, epoch: 0,
		deps: null, depsTail: null, subs: null, subsTail: null, suspense: null,
	};
	if (parent) {
		addTo(parent, 'owned', node);
	}
	return node;
}

/**
 * Create a memo and compute it now (Solid's memos are eager); it runs again, before effects, when
 * its sources change, and notifies only when equals says its value changed.
 * @param {(previous: any) => any} fn
 * @param {any} [value]
 * @param {Equals} [equals]
 * @returns {Computation}
 */
export function memo(fn, value, equals) {
	const node = computation('memo', fn, value, equals, true, false);
	start(node);
	return node;
}

/**
 * The memo of earlier versions of the runtime, for the web layer: memo(fn, undefined, equals).
 * @param {(previous: any) => any} fn
 * @param {Equals} [equals]
 * @returns {Computation}
 */
export function computed(fn, equals) {
	return memo(fn, undefined, equals);
}

/**
 * Create a render effect and run it at once; it runs again, before user effects, when its
 * sources change. What it writes propagates after its first run. The web layer's bindings.
 * @param {(previous: any) => any} fn
 * @param {any} [value]
 * @returns {Computation}
 */
export function effect(fn, value) {
	const node = computation('render', fn, value, null, false, false);
	start(node);
	return node;
}

/**
 * Create a user effect (createEffect): it first runs after the current round of rendering, or
 * at once when nothing is in progress.
 * @param {(previous: any) => any} fn
 * @param {any} [value]
 * @returns {Computation}
 */
export function userEffect(fn, value) {
	const node = computation('effect', fn, value, null, false, true);
	node.suspense = lookup(node, SUSPENSE) ?? null;
	schedule(node);
	return node;
}

/**
 * Run fn, untracked, in a new owner that nothing else disposes: fn receives the function that
 * does. The root inherits the context of parent (by default the current owner) so that providers
 * and error handlers above it still apply, and effects created in fn wait until fn returns.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @param {Owner | null} [parent]
 * @returns {T}
 */
export function root(fn, parent = getOwner()) {
	/** @type {Owner} */
	const owner = { kind: 'root', parent, owned: [], cleanups: [], signals: [], disposed: false,
		context: parent ? parent.context : null, state: CLEAN };
	return untrack(() => holdEffects(() => runWithOwner(owner, () => fn(() => dispose(owner)))));
}

// @ts-check
/**
 * The propagation layer of the reactive graph: signals and computations linked by the sources each
 * computation read on its last run, marking on write, and the effect queue.
 *
 * A write marks direct observers DIRTY and everything further downstream CHECK; effects reached
 * that way are queued and flushed once the outermost batch ends. A CHECK node first brings its
 * computed sources up to date and only re-runs if one of them really changed, so a computed that
 * depends on two paths from the same signal runs once per batch and nobody sees a half-updated
 * graph. Owners and cleanups live in reactive-owner.js; reactive.js is the entry point.
 */

import { cleanOwner, createOwner, reportError, swapOwner } from './reactive-owner.js';

const CLEAN = 0;
const CHECK = 1;
const DIRTY = 2;

/** Marks a computed that has never run, so its first value is never "equal" to anything. */
const UNSET = Symbol('unset');

/** Bounds a flush so that an effect that keeps writing its own source reports instead of hanging. */
const MAX_FLUSHED_EFFECTS = 100000;

/** @typedef {import('./reactive-owner.js').Owner} Owner */

/**
 * @typedef {object} SignalNode
 * @property {'signal'} kind
 * @property {any} value
 * @property {(a: any, b: any) => boolean} equals
 * @property {Set<Computation>} observers
 */

/**
 * @typedef {Owner & {
 *   fn: (previous: any) => any, value: any, equals: (a: any, b: any) => boolean, state: number,
 *   sources: (SignalNode | Computation)[], observers: Set<Computation>
 * }} Computation
 */

/** @type {Computation | null} */
let activeSub = null;
let batchDepth = 0;
let flushing = false;
/** @type {Computation[]} */
const queue = [];

/**
 * Create a computation owned by the current owner; it first runs when it is read or, for an
 * effect, when {@link run} is called.
 * @param {string} kind
 * @param {(previous: any) => any} fn
 * @param {(a: any, b: any) => boolean} equals
 * @returns {Computation}
 */
export function computation(kind, fn, equals) {
	const node = /** @type {Computation} */ (createOwner(kind));
	Object.assign(node, { fn, value: UNSET, equals, state: DIRTY, sources: [], observers: new Set() });
	return node;
}

/**
 * Read a signal or computed, subscribing the running computation to it.
 * @param {SignalNode | Computation} node
 */
export function read(node) {
	if (node.kind !== 'signal') {
		update(/** @type {Computation} */ (node));
	}
	if (activeSub && !activeSub.disposed && !activeSub.sources.includes(node)) {
		activeSub.sources.push(node);
		node.observers.add(activeSub);
	}
	return node.value === UNSET ? undefined : node.value;
}

/**
 * @param {SignalNode} node
 * @param {any} value
 */
export function write(node, value) {
	if (node.equals(node.value, value)) {
		return;
	}
	node.value = value;
	notify(node);
	if (batchDepth === 0) {
		flush();
	}
}

/**
 * Mark the observers of a node whose value changed.
 * @param {SignalNode | Computation} node
 */
function notify(node) {
	for (const observer of node.observers) {
		// An observer in the middle of a run that has not read the node yet will read the new
		// value when it does, so marking it would only run it twice.
		if (observer.sources.includes(node)) {
			mark(observer, DIRTY);
		}
	}
}

/**
 * @param {Computation} node
 * @param {number} state
 */
function mark(node, state) {
	if (node.state >= state) {
		return;
	}
	const wasClean = node.state === CLEAN;
	node.state = state;
	if (!wasClean) {
		return;
	}
	if (node.kind === 'effect') {
		queue.push(node);
	}
	else {
		for (const observer of node.observers) {
			mark(observer, CHECK);
		}
	}
}

/** @param {Computation} node */
function update(node) {
	if (node.disposed) {
		return;
	}
	if (node.state === CHECK) {
		for (const source of node.sources) {
			if (source.kind === 'computed') {
				update(/** @type {Computation} */ (source));
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
 * Run a computation now: clean what its last run created, record what it reads, and mark its
 * observers if its value changed. An effect's error is reported; a computed's propagates to its reader.
 * @param {Computation} node
 */
export function run(node) {
	cleanOwner(node);
	const previousSub = activeSub;
	const previousSources = node.sources;
	node.sources = [];
	// Clean before running, so that a write the run makes to its own sources marks it again.
	node.state = CLEAN;
	activeSub = node;
	const previousOwner = swapOwner(node);
	try {
		const previous = node.value === UNSET ? undefined : node.value;
		const value = node.fn(previous);
		if (node.value === UNSET || !node.equals(node.value, value)) {
			node.value = value;
			notify(node);
		}
	}
	catch (error) {
		if (node.kind === 'computed') {
			throw error;
		}
		reportError(error);
	}
	finally {
		activeSub = previousSub;
		swapOwner(previousOwner);
		for (const source of previousSources) {
			if (!node.sources.includes(source)) {
				source.observers.delete(node);
			}
		}
	}
}

function flush() {
	if (flushing) {
		return;
	}
	flushing = true;
	try {
		for (let i = 0; i < queue.length; i++) {
			if (i === MAX_FLUSHED_EFFECTS) {
				reportError(new Error('Effects did not settle: an effect probably writes a signal it reads'));
				break;
			}
			runTop(queue[i]);
		}
	}
	finally {
		queue.length = 0;
		flushing = false;
	}
}

/**
 * Bring an effect up to date after any stale effect that owns it, since re-running an owner
 * disposes the effects it created and running those first would be wasted work.
 * @param {Computation} effect
 */
function runTop(effect) {
	const stale = [];
	for (let owner = /** @type {Owner | null} */ (effect); owner; owner = owner.parent) {
		if (owner.kind === 'effect' && /** @type {Computation} */ (owner).state !== CLEAN) {
			stale.push(/** @type {Computation} */ (owner));
		}
	}
	for (let i = stale.length - 1; i >= 0; i--) {
		update(stale[i]);
	}
}

/**
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function batch(fn) {
	batchDepth++;
	try {
		return fn();
	}
	finally {
		if (--batchDepth === 0) {
			flush();
		}
	}
}

/**
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function untrack(fn) {
	const previous = activeSub;
	activeSub = null;
	try {
		return fn();
	}
	finally {
		activeSub = previous;
	}
}

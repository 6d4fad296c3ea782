// @ts-check
/**
 * The propagation layer of the reactive graph: signals and computations joined by links (see
 * reactive-links.js), marking on write, and the queues that bring computations up to date.
 *
 * A write marks direct subscribers DIRTY and everything further downstream CHECK. A CHECK node
 * first brings its memo sources up to date and only runs again if one of them really changed, so
 * a memo that depends on two paths from the same signal runs once per change and nobody sees a
 * half-updated graph. Marked nodes are queued, and the queues settle as Solid's do: memos and
 * computeds first, then render effects, then user effects; writes made meanwhile (in a batch, a
 * memo or an effect) are applied at once but propagate when the current round is over. Owners
 * and cleanups live in reactive-owner.js; reactive.js creates the nodes.
 */

import { link, trimDeps } from './reactive-links.js';
import { cleanOwner, handleError, reportError, swapOwner } from './reactive-owner.js';

export const CLEAN = 0;
export const CHECK = 1;
export const DIRTY = 2;

/** Bounds a settle, so that computations that keep writing each other's sources report instead of hanging. */
const MAX_RUNS = 1000000;

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
/** Depth of batch() calls: writes neither bring memos up to date nor run effects until it ends. */
let batchDepth = 0;
/** Depth of createRoot and runWithOwner bodies: effects wait until the outermost ends. */
let effectHold = 0;
let settling = false;
/** @type {Computation[]} memos and computeds to bring up to date */
const pure = [];
/** @type {Computation[]} render and user effects, in the order they were marked */
let effects = [];
/** @type {Computation[]} */
let spare = [];

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
	if (node.pure) {
		pure.push(node);
	}
	else {
		effects.push(node);
	}
	for (let l = node.subs; l !== null; l = l.nextSub) {
		mark(/** @type {Computation} */ (l.sub), CHECK);
	}
}

/** @param {Computation} node */
function update(node) {
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
 * Bring a queued computation up to date, after any stale computation that owns it: running an
 * owner again disposes what it created, so running those first would be wasted work.
 * @param {Computation} node
 */
function runTop(node) {
	if (node.state === CLEAN || node.disposed) {
		return;
	}
	/** @type {Computation[] | null} */
	let stale = null;
	for (let owner = node.parent; owner !== null; owner = owner.parent) {
		if (owner.state !== CLEAN) {
			(stale ??= []).push(/** @type {Computation} */ (owner));
		}
	}
	if (stale !== null) {
		for (let i = stale.length - 1; i >= 0 && !node.disposed; i--) {
			update(stale[i]);
		}
	}
	update(node);
}

/**
 * Run the queues unless a batch holds them: memos and computeds, then (unless a root holds them)
 * render effects before user effects, over again while the runs write more.
 */
function settle() {
	if (batchDepth !== 0 || settling || (pure.length === 0 && (effects.length === 0 || effectHold !== 0))) {
		return;
	}
	settling = true;
	let runs = 0;
	try {
		for (;;) {
			for (let i = 0; i < pure.length; i++, runs++) {
				runTop(pure[i]);
				if (runs > MAX_RUNS) {
					throw new Error('Updates did not settle: a computation probably writes a signal it reads');
				}
			}
			pure.length = 0;
			if (effectHold !== 0 || effects.length === 0) {
				break;
			}
			const queue = effects;
			effects = spare;
			runs += queue.length;
			let users = 0;
			for (let i = 0; i < queue.length; i++) {
				const effect = queue[i];
				if (effect.user) {
					queue[users++] = effect;
				}
				else {
					runTop(effect);
				}
			}
			for (let i = 0; i < users; i++) {
				const effect = queue[i];
				if (effect.suspense === null || !effect.suspense.hold(effect)) {
					runTop(effect);
				}
			}
			queue.length = 0;
			spare = queue;
			if (runs > MAX_RUNS) {
				throw new Error('Effects did not settle: an effect probably writes a signal it reads');
			}
		}
	}
	catch (error) {
		pure.length = 0;
		effects.length = 0;
		reportError(error);
	}
	finally {
		settling = false;
	}
}

/**
 * Run a new computation for the first time; what it writes propagates when it is done.
 * @param {Computation} node
 */
export function start(node) {
	batchDepth++;
	try {
		run(node);
	}
	finally {
		batchDepth--;
		settle();
	}
}

/**
 * Run a new user effect now, or after the current round (a batch, a root being created, an
 * update in progress), as Solid runs createEffect after rendering.
 * @param {Computation} node
 */
export function schedule(node) {
	if (batchDepth !== 0 || effectHold !== 0 || settling) {
		effects.push(node);
	}
	else {
		start(node);
	}
}

/**
 * Queue effects again, such as those a Suspense boundary held while it showed its fallback.
 * @param {Computation[]} held
 */
export function resume(held) {
	for (const effect of held) {
		if (!effect.disposed) {
			effect.state = DIRTY;
			effects.push(effect);
		}
	}
	settle();
}

/**
 * Apply the writes fn makes at once, and propagate them when it returns.
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
		batchDepth--;
		settle();
	}
}

/**
 * Run fn and hold the effects it creates or marks until it returns (the body of a root, or of
 * runWithOwner); memos and computeds stay up to date meanwhile.
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function holdEffects(fn) {
	effectHold++;
	try {
		return fn();
	}
	finally {
		effectHold--;
		settle();
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

// @ts-check
/**
 * The scheduler of the reactive graph: the queues of marked computations and when they run, as
 * Solid 1.9 runs them. Memos and computeds are brought up to date first, then render effects run,
 * then user effects (createEffect, onMount); writes made meanwhile (in a batch, a memo or an
 * effect) apply at once but propagate when the current round is over. A batch holds everything
 * until it ends; the body of a root or of runWithOwner holds effects only, so that effects created
 * while a component renders run once it is in the page.
 */

import { CLEAN, DIRTY, run, update, useScheduler } from './reactive-graph.js';
import { reportError } from './reactive-context.js';

/** @typedef {import('./reactive-graph.js').Computation} Computation */

/** Bounds a settle, so that computations that keep writing each other's sources report instead of hanging. */
const MAX_RUNS = 1000000;

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

useScheduler((node) => (node.pure ? pure : effects).push(node), settle);

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

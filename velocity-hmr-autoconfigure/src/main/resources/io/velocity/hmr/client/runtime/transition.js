// @ts-check
/**
 * Transitions: startTransition runs a change and collects the resources it starts loading; until
 * they have all settled the transition is pending, and Suspense boundaries that already show
 * their content keep showing it instead of falling back. Unlike Solid, Velocity does not fork
 * the graph: the writes of a transition apply at once, and what keeps the old UI is the boundary
 * holding on to the nodes it showed (see suspense.js and docs/coming-from-solid.md).
 */

import { batch, read, source, write } from './reactive.js';

/**
 * @typedef {object} Transition
 * @property {number} loads resources started by the transition and not settled yet
 * @property {Promise<void>} done
 * @property {() => void} resolve
 */

const pending = source(false);
/** @type {Transition | null} the transition whose change is running now */
let running = null;
/** @type {Transition | null} the transition not done yet */
let current = null;

/**
 * Run fn (in a microtask, as Solid does) as a transition.
 * @param {() => unknown} fn
 * @returns {Promise<void>} resolved when the resources the change started have settled
 */
export function startTransition(fn) {
	if (running) {
		fn();
		return running.done;
	}
	return Promise.resolve().then(() => {
		/** @type {Transition} */
		const transition = current ?? (current = create());
		running = transition;
		try {
			batch(fn);
		}
		finally {
			running = null;
		}
		if (transition.loads === 0) {
			finish(transition);
		}
		else {
			write(pending, true);
		}
		return transition.done;
	});
}

/** @returns {Transition} */
function create() {
	/** @type {() => void} */
	let resolve = () => {};
	/** @type {Promise<void>} */
	const done = new Promise((fn) => {
		resolve = () => fn(undefined);
	});
	return { loads: 0, done, resolve };
}

/** @param {Transition} transition */
function finish(transition) {
	if (current === transition) {
		current = null;
	}
	write(pending, false);
	transition.resolve();
}

/**
 * @returns {[() => boolean, (fn: () => unknown) => Promise<void>]} whether a transition is
 * pending, and startTransition
 */
export function useTransition() {
	return [() => read(pending), startTransition];
}

/**
 * Count a load that starts now towards the running transition, if any.
 * @returns {Transition | null} the transition to tell when the load settles
 */
export function joinTransition() {
	if (running) {
		running.loads++;
	}
	return running;
}

/**
 * @param {Transition} transition a transition a load joined, which has settled
 */
export function leaveTransition(transition) {
	if (--transition.loads === 0 && running !== transition) {
		finish(transition);
	}
}

/** @returns {boolean} whether a transition is running or pending (tracked) */
export function inTransition() {
	return read(pending) || running !== null;
}

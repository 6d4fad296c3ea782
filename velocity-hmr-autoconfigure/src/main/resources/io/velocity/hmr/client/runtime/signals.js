// @ts-check
/**
 * Solid's reactive primitives over the graph in reactive.js: signals, memos, the three kinds of
 * effect, roots, owners and error handlers. Semantics are Solid 1.9's: memos are eager, render
 * effects and computeds run at once, user effects (createEffect, onMount) after the current round
 * of rendering, and writes made in a batch or an effect propagate when it is over.
 */

import {
	catchErrors, computation, dispose, effect, getOwner, handleError, holdEffects, leanOwner, memo, onCleanup, read,
	root, runWithOwner as runWith, signal, source, start, untrack, userEffect, write,
} from './reactive.js';

export { batch, equalFn, getListener, getOwner, onCleanup, untrack } from './reactive.js';

/** The property a store (or merged props) answers with its own proxy. */
export const $PROXY = Symbol('solid-proxy');
/** Reading this property of a store array subscribes to any change of the array's items. */
export const $TRACK = Symbol('solid-track');

/**
 * @typedef {import('./reactive.js').Owner} Owner
 * @typedef {{ equals?: false | ((previous: any, next: any) => boolean), name?: string, internal?: boolean }} SignalOptions
 */

/**
 * Create a signal: a getter that subscribes the running computation, and a setter that takes a
 * value or an updater of the current value, returns what it set, and notifies only when
 * {@code equals} (=== by default; false: always) says the value changed. The signal is state of
 * the current owner, kept by hot swap, unless {@code internal} is set.
 * @template T
 * @param {T} [value]
 * @param {SignalOptions} [options]
 * @returns {[() => T, (next: any) => T]}
 */
export function createSignal(value, options) {
	const node = options?.internal ? source(value, options.equals) : signal(value, options?.equals);
	const get = () => read(node);
	/** @param {any} next */
	const set = (next) => write(node, (typeof next === 'function') ? next(node.value) : next);
	return [get, set];
}

/**
 * Create a memo: computed now, again before any effect when a source changes, and notifying its
 * readers only when {@code equals} says the value changed.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [value] the previous value fn receives on its first run
 * @param {{ equals?: false | ((previous: T, next: T) => boolean), name?: string }} [options]
 * @returns {() => T}
 */
export function createMemo(fn, value, options) {
	const node = memo(fn, value, options?.equals);
	return () => read(node);
}

/**
 * Run fn after the current round of rendering (at once outside of one), and again after the
 * render effects of any change to what it read. fn receives its previous result. As earlier
 * versions of Velocity did, a function it returns also runs before the next run and on dispose.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [value]
 * @returns {() => void} a function that disposes the effect
 */
export function createEffect(fn, value) {
	const node = userEffect((previous) => {
		const next = fn(previous);
		if (typeof next === 'function') {
			onCleanup(/** @type {() => void} */ (next));
		}
		return next;
	}, value);
	return () => dispose(node);
}

/**
 * Run fn at once, and again when what it read changes, before user effects: how the DOM is kept
 * in step, element by element.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [value]
 */
export function createRenderEffect(fn, value) {
	effect(fn, value);
}

/**
 * Run fn at once, and again with memos when what it read changes: for writes that must land
 * before rendering.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [value]
 */
export function createComputed(fn, value) {
	start(computation('computed', fn, value, null, true, false));
}

/**
 * Separate tracking from running: the returned function runs a function and tracks what it reads;
 * the first change to any of it calls onInvalidate (once, untracked).
 * @param {() => void} onInvalidate
 * @returns {(tracking: () => void) => void}
 */
export function createReaction(onInvalidate) {
	/** @type {(() => void) | undefined} */
	let tracking;
	const node = computation('reaction', () => {
		const fn = tracking;
		tracking = undefined;
		fn ? fn() : untrack(onInvalidate);
	}, undefined, null, false, true);
	return (fn) => {
		tracking = fn;
		start(node);
	};
}

/**
 * Run fn once, untracked, after the current round of rendering: the component is in the document.
 * @param {() => void} fn
 */
export function onMount(fn) {
	userEffect(() => untrack(fn));
}

/**
 * Run fn, untracked, in an owner that lives until the dispose function fn receives is called.
 * Effects created in fn run when it returns.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @param {Owner | null} [detachedOwner] the owner whose context the root inherits (default: the
 * current one)
 * @returns {T}
 */
export function createRoot(fn, detachedOwner) {
	return root(fn, detachedOwner === undefined ? getOwner() : detachedOwner);
}

/**
 * Run fn, untracked, with an owner current: what it creates belongs to that owner and finds its
 * context, effects it creates run when it returns, and an error it throws goes to the owner's
 * error handler.
 * @template T
 * @param {Owner | null} owner
 * @param {() => T} fn
 * @returns {T | undefined}
 */
export function runWithOwner(owner, fn) {
	try {
		return untrack(() => holdEffects(() => runWith(owner, fn)));
	}
	catch (error) {
		handleError(error, owner);
		return undefined;
	}
}

/**
 * Run fn in a new owner whose errors (thrown now or later by computations created in fn) go to
 * handler; an error handler throws goes to the next handler up.
 * @template T
 * @param {() => T} fn
 * @param {(error: any) => void} handler
 * @returns {T | undefined}
 */
export function catchError(fn, handler) {
	const owner = leanOwner('catch', getOwner());
	catchErrors(owner, handler);
	try {
		return runWith(owner, fn);
	}
	catch (error) {
		handleError(error, owner);
		return undefined;
	}
}

/**
 * Receive the errors of the current owner's computations created from now on.
 * @deprecated Solid deprecates it for {@link catchError}.
 * @param {(error: any) => void} fn
 */
export function onError(fn) {
	const owner = getOwner();
	if (owner) {
		catchErrors(owner, fn);
	}
}

/**
 * Make a computation's dependencies explicit: the returned function reads deps (tracked) and
 * calls fn with their values, their previous values and its previous result, untracked. With
 * {@code defer}, fn is skipped on the first run.
 * @template S, T
 * @param {(() => S) | (() => any)[]} deps
 * @param {(input: S, previousInput: S | undefined, previous: T | undefined) => T} fn
 * @param {{ defer?: boolean }} [options]
 * @returns {(previous: T | undefined) => T | undefined}
 */
export function on(deps, fn, options) {
	let defer = options?.defer ?? false;
	/** @type {S | undefined} */
	let previousInput;
	return (previous) => {
		const input = /** @type {S} */ (Array.isArray(deps) ? deps.map((dep) => dep()) : deps());
		if (defer) {
			defer = false;
			return previous;
		}
		const result = untrack(() => fn(input, previousInput, previous));
		previousInput = input;
		return result;
	};
}

/**
 * Solid's hook for a scheduler of transitions: Velocity runs transitions without one, so this
 * does nothing.
 */
export function enableScheduling() {
}

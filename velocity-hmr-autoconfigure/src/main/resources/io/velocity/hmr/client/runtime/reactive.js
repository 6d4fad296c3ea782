// @ts-check
/**
 * The reactive graph of the Velocity runtime: signals, computeds and effects linked by the
 * sources each one read on its last run, and the owner tree that disposes them.
 *
 * This module is the graph's entry point: it creates the nodes and re-exports the rest. The
 * propagation (linking, marking, the effect queue) lives in reactive-graph.js and the owner tree
 * (cleanups, disposal) in reactive-owner.js. No DOM in here: runtime.js and jsx-runtime.js build
 * the API and the rendering on top.
 */

import { batch, computation, run, untrack } from './reactive-graph.js';
import { createOwner, dispose, getOwner, runWithOwner } from './reactive-owner.js';

export { batch, read, untrack, write } from './reactive-graph.js';
export { createOwner, dispose, getOwner, onCleanup, reportError, runWithOwner, swapOwner } from './reactive-owner.js';

/**
 * @typedef {import('./reactive-owner.js').Owner} Owner
 * @typedef {import('./reactive-graph.js').SignalNode} SignalNode
 * @typedef {import('./reactive-graph.js').Computation} Computation
 */

/**
 * Run fn in a new owner that nothing else disposes: fn receives the function that does.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @returns {T}
 */
export function root(fn) {
	const owner = runWithOwner(null, () => createOwner('root'));
	return untrack(() => runWithOwner(owner, () => fn(() => dispose(owner))));
}

/**
 * @param {any} value
 * @param {(a: any, b: any) => boolean} equals
 * @returns {SignalNode}
 */
export function signal(value, equals) {
	const owner = getOwner();
	// Only hot swap sets a seed, so that a component run again keeps the values of its signals.
	const initial = (owner?.seed) ? owner.seed(owner.signals.length, value) : value;
	/** @type {SignalNode} */
	const node = { kind: 'signal', value: initial, equals, observers: new Set() };
	if (owner) {
		owner.signals.push(node);
	}
	return node;
}

/**
 * @param {(previous: any) => any} fn
 * @param {(a: any, b: any) => boolean} equals
 * @returns {Computation}
 */
export function computed(fn, equals) {
	return computation('computed', fn, equals);
}

/**
 * Create an effect and run it at once; writes it makes settle after its first run.
 * @param {(previous: any) => any} fn
 * @returns {Computation}
 */
export function effect(fn) {
	const node = computation('effect', fn, () => false);
	batch(() => run(node));
	return node;
}

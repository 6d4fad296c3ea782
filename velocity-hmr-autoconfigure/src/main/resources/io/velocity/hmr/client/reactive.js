// @ts-check
/**
 * The reactive graph of the Velocity runtime: signals, computeds and effects linked by the
 * sources each one read on its last run, and the owner tree that disposes them.
 *
 * A write marks direct observers DIRTY and everything further downstream CHECK; effects reached
 * that way are queued and flushed once the outermost batch ends. A CHECK node first brings its
 * computed sources up to date and only re-runs if one of them really changed, so a computed that
 * depends on two paths from the same signal runs once per batch and nobody sees a half-updated
 * graph. No DOM in here: runtime.js and jsx-runtime.js build the API and the rendering on top.
 */

const CLEAN = 0;
const CHECK = 1;
const DIRTY = 2;

/** Marks a computed that has never run, so its first value is never "equal" to anything. */
const UNSET = Symbol('unset');

/** Bounds a flush so that an effect that keeps writing its own source reports instead of hanging. */
const MAX_FLUSHED_EFFECTS = 100000;

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
/** @type {Owner | null} */
let currentOwner = null;
let batchDepth = 0;
let flushing = false;
/** @type {Computation[]} */
const queue = [];

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
 * Run fn in a new owner that nothing else disposes: fn receives the function that does.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @returns {T}
 */
export function root(fn) {
	const owner = runWithOwner(null, () => createOwner('root'));
	return untrack(() => runWithOwner(owner, () => fn(() => dispose(owner))));
}

/** @param {() => void} fn */
export function onCleanup(fn) {
	if (currentOwner) {
		currentOwner.cleanups.push(fn);
	}
	return fn;
}

/**
 * @param {any} value
 * @param {(a: any, b: any) => boolean} equals
 * @returns {SignalNode}
 */
export function signal(value, equals) {
	const owner = currentOwner;
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

/**
 * @param {string} kind
 * @param {(previous: any) => any} fn
 * @param {(a: any, b: any) => boolean} equals
 * @returns {Computation}
 */
function computation(kind, fn, equals) {
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
				if (node.state === DIRTY) {
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

/** @param {Computation} node */
function run(node) {
	cleanOwner(node);
	const previousSub = activeSub;
	const previousOwner = currentOwner;
	const previousSources = node.sources;
	node.sources = [];
	// Clean before running, so that a write the run makes to its own sources marks it again.
	node.state = CLEAN;
	activeSub = node;
	currentOwner = node;
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
		currentOwner = previousOwner;
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

/** @param {Owner} owner */
function cleanOwner(owner) {
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

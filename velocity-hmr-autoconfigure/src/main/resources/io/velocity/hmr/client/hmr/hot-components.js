// @ts-check
/**
 * Component hot swap for the Velocity runtime, loaded only in development: compiled component
 * modules import {@link registerComponent} from here and call it after their code, once per
 * top-level component. Loading this module installs the runtime's component hook, so production
 * pages (which never load it) pay nothing.
 *
 * A component is identified by {@code moduleUrl#name}. When a new version of a module registers a
 * different function under an id, every mounted instance of that id is run again with the new
 * function in place: same props, same place in the owner tree, same start and end markers, and its
 * signals start from the old values when their shape still matches (see hot-state.js; across a
 * reload, reload-state.js). Only the DOM between the markers is replaced.
 */

import { mountComponent, setComponentHook } from './component.js';
import { batch, dispose, reportError, runWithOwner } from './reactive.js';
import { captureDescendants, captureState, seeder, writeState } from './hot-state.js';
import { restoreStoredState, snapshotOf, storeForReload, takeRestored } from './reload-state.js';
import { replaceRange } from './hot-dom.js';

/**
 * @typedef {import('./component.js').ComponentOwner} ComponentOwner
 * @typedef {(props: any) => unknown} Component
 * @typedef {{ id: string, name: string, current: Component, instances: Set<ComponentOwner> }} Entry
 */

/** @type {Map<string, Entry>} */
const registry = new Map();

/** Every function ever registered, old versions included, so that callers holding one get the current one. */
/** @type {WeakMap<Function, Entry>} */
const entries = new WeakMap();

/** Instances of functions not registered yet: a module that renders before its registration call. */
/** @type {Map<Function, Set<ComponentOwner>>} */
const unregistered = new Map();

/** @type {WeakMap<ComponentOwner, { entry: Entry, kinds: string[] | null }>} */
const instances = new WeakMap();

/** Entries whose implementation changed since the last swap. */
/** @type {Set<Entry>} */
const changed = new Set();

/** @type {Map<string, import('./hot-state.js').InstanceState[]> | null} */
let childStates = null;

/** The error of the first instance of each module's components that failed to swap in, until asked. */
/** @type {Map<string, unknown>} */
const swapFailures = new Map();

/**
 * Record a component under {@code moduleUrl#name}; when the id is known and fn is a new
 * function, swap every mounted instance to it. Swaps run in a microtask, after the whole module
 * registered its components, so that a parent swapped first already renders its new children.
 * @param {string} moduleUrl the URL the module is served at, such as {@code /frontend/Counter.tsx}
 * @param {string} name the component's name in the module
 * @param {Component} fn the component function
 */
export function registerComponent(moduleUrl, name, fn) {
	const id = moduleUrl + '#' + name;
	let entry = registry.get(id);
	if (!entry) {
		entry = { id, name, current: fn, instances: new Set() };
		registry.set(id, entry);
		entries.set(fn, entry);
		adopt(entry, fn);
		return;
	}
	if (entry.current === fn) {
		return;
	}
	entries.set(fn, entry);
	entry.current = fn;
	if (changed.size === 0) {
		// In a batch, so that the new instances' effects (onMount) run once their DOM is in place.
		queueMicrotask(() => batch(swapChanged));
	}
	changed.add(entry);
}

/**
 * Track the instances a function already has when it is first registered: a module that renders
 * its own component before the registration call at its end. Such an instance is already running,
 * so a reload's state is written into its signals rather than seeded.
 * @param {Entry} entry
 * @param {Component} fn
 */
function adopt(entry, fn) {
	for (const owner of unregistered.get(fn) ?? []) {
		instances.set(owner, { entry, kinds: null });
		track(entry, owner);
		const state = takeRestored(entry.id);
		const mismatch = state && writeState(owner, state);
		if (mismatch) {
			console.info(`[velocity] ${entry.name}: ${mismatch}, state reset`);
		}
	}
	unregistered.delete(fn);
}

/**
 * The component hook: mount the current implementation of a registered component, tracked and
 * seeded from a swapped parent's old children or from a reload's snapshot.
 * @param {Component} component
 * @param {Record<string, any>} props
 * @returns {unknown} the instance's DOM between its markers, or a non-DOM output as it is
 */
function create(component, props) {
	const entry = entries.get(component);
	if (!entry) {
		const [owner, output] = mountComponent(component, props);
		if (output instanceof DocumentFragment) {
			trackUnregistered(component, owner);
		}
		return output;
	}
	const state = childStates?.get(entry.id)?.shift() ?? takeRestored(entry.id);
	const [owner, output] = mountSeeded(entry, props, state);
	if (output instanceof DocumentFragment) {
		track(entry, owner);
	}
	return output;
}

/**
 * @param {Component} component
 * @param {ComponentOwner} owner
 */
function trackUnregistered(component, owner) {
	let owners = unregistered.get(component);
	if (!owners) {
		owners = new Set();
		unregistered.set(component, owners);
	}
	owners.add(owner);
	owner.cleanups.push(() => {
		owners.delete(owner);
		if (owners.size === 0 && unregistered.get(component) === owners) {
			unregistered.delete(component);
		}
	});
}

/**
 * @param {Entry} entry
 * @param {ComponentOwner} owner
 */
function track(entry, owner) {
	entry.instances.add(owner);
	owner.cleanups.push(() => entry.instances.delete(owner));
}

/**
 * Mount the entry's implementation with its signals seeded from state; if the signals turn out to
 * have another shape, mount it again from its initial values and say why.
 * @param {Entry} entry
 * @param {Record<string, any>} props
 * @param {import('./hot-state.js').InstanceState | undefined} state
 * @returns {[ComponentOwner, DocumentFragment]}
 */
function mountSeeded(entry, props, state) {
	let seed = seeder(state);
	let [owner, fragment] = mountComponent(entry.current, props, seed.next);
	const mismatch = seed.mismatch();
	if (mismatch) {
		console.info(`[velocity] ${entry.name}: ${mismatch}, state reset`);
		dispose(owner);
		seed = seeder(undefined);
		[owner, fragment] = mountComponent(entry.current, props, seed.next);
	}
	instances.set(owner, { entry, kinds: seed.kinds });
	return [owner, fragment];
}

function swapChanged() {
	/** @type {ComponentOwner[]} */
	const owners = [];
	for (const entry of changed) {
		owners.push(...entry.instances);
	}
	changed.clear();
	// Outer instances first: swapping them re-creates the inner ones, which are then current.
	owners.sort((a, b) => depth(a) - depth(b));
	for (const owner of owners) {
		const record = instances.get(owner);
		if (record && !owner.disposed && owner.component !== record.entry.current) {
			swap(record.entry, owner, record.kinds);
		}
	}
}

/** @param {import('./reactive.js').Owner} owner */
function depth(owner) {
	let depth = 0;
	for (let parent = owner.parent; parent; parent = parent.parent) {
		depth++;
	}
	return depth;
}

/**
 * Replace one mounted instance by a run of the entry's current implementation. If that run
 * throws, the old instance stays as it was and the error is reported.
 * @param {Entry} entry
 * @param {ComponentOwner} old
 * @param {string[] | null} kinds
 */
function swap(entry, old, kinds) {
	const parent = old.parent;
	const state = captureState(old, kinds);
	childStates = captureDescendants(old, instances);
	/** @type {[ComponentOwner, DocumentFragment | object]} */
	let mounted;
	try {
		mounted = runWithOwner(parent, () => mountSeeded(entry, old.props, state));
		if (!(mounted[1] instanceof DocumentFragment)) {
			dispose(mounted[0]);
			throw new TypeError(`${entry.name} no longer renders DOM, so its instances cannot be swapped in place`);
		}
	}
	catch (error) {
		console.warn(`[velocity] ${entry.name}: the new version failed to render, the previous one stays`);
		reportError(error);
		const moduleUrl = entry.id.slice(0, entry.id.lastIndexOf('#'));
		if (!swapFailures.has(moduleUrl)) {
			swapFailures.set(moduleUrl, error);
		}
		return;
	}
	finally {
		childStates = null;
	}
	const owner = mounted[0];
	const fragment = /** @type {DocumentFragment} */ (mounted[1]);
	// The old markers stay, so that ranges of parents that end at them stay valid.
	fragment.firstChild?.remove();
	fragment.lastChild?.remove();
	owner.start = old.start;
	owner.end = old.end;
	replaceRange(old.start, old.end, fragment);
	if (parent) {
		parent.owned.splice(parent.owned.indexOf(owner), 1);
		parent.owned.splice(parent.owned.indexOf(old), 0, owner);
	}
	dispose(old);
	track(entry, owner);
}

/**
 * Return the signal values of every live instance of a registered component, for a reload to
 * restore with {@code restoreState}: per component id, the instances in document order, each
 * with its signal values in creation order. Values that JSON cannot carry (functions, DOM nodes,
 * class instances such as Map or Date) are left out and start from their initial value.
 * @returns {import('./reload-state.js').Snapshot}
 */
export function snapshotState() {
	return snapshotOf(registry.values(), instances);
}

/**
 * Settle the swaps of a module's components that its new version started: compiled component
 * modules accept their own updates with this, so that an update whose components failed to
 * render is reported as failed, not as applied.
 * @param {string} moduleUrl the module's URL, without version
 * @returns {Promise<void>} rejected with the error of the first instance that failed
 */
export async function swapped(moduleUrl) {
	// Swaps run in a microtask queued while the module ran: let any that is still queued run.
	await Promise.resolve();
	const error = swapFailures.get(moduleUrl);
	swapFailures.delete(moduleUrl);
	if (error !== undefined) {
		throw error;
	}
}

/**
 * The number of live instances per component id, for tests.
 * @returns {Record<string, number>}
 */
export function instanceCounts() {
	return Object.fromEntries([...registry.values()].map((entry) => [entry.id, entry.instances.size]));
}

setComponentHook(create);

restoreStoredState();
// The HMR client announces a reload it is about to make: the page it brings restores this state.
addEventListener('velocity:beforeFullReload', () => storeForReload(snapshotState()));

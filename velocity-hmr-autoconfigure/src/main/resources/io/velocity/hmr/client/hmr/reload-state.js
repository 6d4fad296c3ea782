// @ts-check
/**
 * The component state kept across a full reload: a JSON snapshot of the signal values of every
 * live instance, kept in {@code sessionStorage} by the HMR client before it reloads, and handed
 * back after the reload to the instances as they mount again. Values JSON cannot carry unchanged
 * are left out and start from their initial values.
 */

import { captureState } from './hot-state.js';
import { take, write } from './session-storage.js';

/**
 * @typedef {import('./hot-state.js').InstanceState} InstanceState
 * @typedef {import('./hot-state.js').ComponentOwner} ComponentOwner
 * @typedef {import('./hot-state.js').InstanceRecord} InstanceRecord
 */

/**
 * @typedef {{ version: 1, components: Record<string, InstanceState[]> }} Snapshot
 */

/** The {@code sessionStorage} key a reload's state snapshot is kept under. */
const STATE_STORAGE_KEY = 'velocity:state';

/** States from a reload's snapshot not yet claimed by a mounting instance, per component id. */
/** @type {Map<string, InstanceState[]>} */
const restored = new Map();

/**
 * @param {Iterable<{ id: string, instances: Set<ComponentOwner> }>} entries
 * @param {WeakMap<ComponentOwner, InstanceRecord>} records
 * @returns {Snapshot}
 */
export function snapshotOf(entries, records) {
	/** @type {Record<string, InstanceState[]>} */
	const components = {};
	for (const entry of entries) {
		const owners = [...entry.instances].sort(inDocumentOrder);
		if (owners.length > 0) {
			components[entry.id] = owners.map((owner) => serializable(captureState(owner, records.get(owner)?.kinds ?? null)));
		}
	}
	return { version: 1, components };
}

/**
 * @param {ComponentOwner} a
 * @param {ComponentOwner} b
 */
function inDocumentOrder(a, b) {
	return (a.start.compareDocumentPosition(b.start) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1;
}

/**
 * @param {InstanceState} state
 * @returns {InstanceState}
 */
function serializable(state) {
	const skipped = [];
	const values = [];
	for (let i = 0; i < state.values.length; i++) {
		const keep = isJson(state.values[i], 0);
		values.push(keep ? state.values[i] : null);
		if (!keep) {
			skipped.push(i);
		}
	}
	return { values, kinds: state.kinds, skipped };
}

/**
 * Whether JSON carries a value unchanged: primitives (no NaN or Infinity), arrays and plain
 * objects of them. The depth bound stops cycles.
 * @param {unknown} value
 * @param {number} depth
 * @returns {boolean}
 */
function isJson(value, depth) {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') {
		return true;
	}
	if (typeof value === 'number') {
		return Number.isFinite(value);
	}
	if (typeof value !== 'object' || depth > 64) {
		return false;
	}
	if (Array.isArray(value)) {
		return value.every((item) => isJson(item, depth + 1));
	}
	const prototype = Object.getPrototypeOf(value);
	return (prototype === Object.prototype || prototype === null)
			&& Object.values(value).every((item) => isJson(item, depth + 1));
}

/**
 * Keep a snapshot taken by {@code snapshotState()} for the instances that mount next: the k-th
 * instance of a component to mount starts from the k-th state of its id, if the shape matches.
 * hot-components.js calls this on load with the snapshot a reload left in {@code sessionStorage}.
 * @param {unknown} snapshot
 */
export function restoreState(snapshot) {
	restored.clear();
	const components = /** @type {any} */ (snapshot)?.components;
	if (/** @type {any} */ (snapshot)?.version !== 1 || typeof components !== 'object' || components === null) {
		return;
	}
	for (const [id, states] of Object.entries(components)) {
		if (Array.isArray(states)) {
			restored.set(id, states.filter(isInstanceState));
		}
	}
}

/**
 * @param {any} state
 * @returns {state is InstanceState}
 */
function isInstanceState(state) {
	return Array.isArray(state?.values) && (state.kinds === null || Array.isArray(state.kinds))
			&& Array.isArray(state.skipped);
}

/**
 * Keep a snapshot for the page the reload brings.
 * @param {Snapshot} snapshot
 */
export function storeForReload(snapshot) {
	if (!write(STATE_STORAGE_KEY, JSON.stringify(snapshot))) {
		console.warn('[velocity] could not keep component state across the reload: sessionStorage is off or full');
	}
}

/**
 * Restore the snapshot a reload left in {@code sessionStorage}, if any, and remove it so that it
 * applies to this page load only.
 */
export function restoreStoredState() {
	const stored = take(STATE_STORAGE_KEY);
	if (stored === null) {
		return;
	}
	try {
		restoreState(JSON.parse(stored));
	}
	catch (error) {
		console.warn('[velocity] could not read the state kept across the reload:', error);
	}
}

/**
 * Claim the restored state of the next instance of a component to mount, if any.
 * @param {string} id
 * @returns {InstanceState | undefined}
 */
export function takeRestored(id) {
	const states = restored.get(id);
	const state = states?.shift();
	if (states && states.length === 0) {
		restored.delete(id);
	}
	return state;
}

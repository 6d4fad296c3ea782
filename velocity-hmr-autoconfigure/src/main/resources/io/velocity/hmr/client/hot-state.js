// @ts-check
/**
 * The state a component instance keeps across a hot swap or a reload: the values of the signals it
 * created, by creation order. A new run of the component gets them back only when the shape
 * matches: as many signals as before, each with an initial value of the same kind (number,
 * string, boolean, null, undefined, array, object, function...). Otherwise it starts from its
 * initial values, since an old value in a slot that now means something else is worse than none.
 */

import { batch, write } from './reactive.js';

/**
 * @typedef {object} InstanceState
 * @property {unknown[]} values the signal values, in creation order
 * @property {string[] | null} kinds the kinds of the signals' initial values, or null if unknown
 * @property {number[]} skipped indexes of values that were not kept and start from their initial value
 */

/**
 * @typedef {{ version: 1, components: Record<string, InstanceState[]> }} Snapshot
 */

/**
 * @typedef {import('./jsx-runtime.js').ComponentOwner} ComponentOwner
 * @typedef {{ entry: { id: string, instances: Set<ComponentOwner> }, kinds: string[] | null }} InstanceRecord
 */

/** The {@code sessionStorage} key a reload's state snapshot is kept under. */
export const STATE_STORAGE_KEY = 'velocity:state';

/** States from a reload's snapshot not yet claimed by a mounting instance, per component id. */
/** @type {Map<string, InstanceState[]>} */
const restored = new Map();

/**
 * @param {unknown} value
 * @returns {string}
 */
function kindOf(value) {
	if (value === null) {
		return 'null';
	}
	return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Create the seed function for one run of a component, and record the kinds of its signals.
 * @param {InstanceState | undefined} state the state to start from, if any
 */
export function seeder(state) {
	/** @type {string[]} */
	const kinds = [];
	/** @type {string | null} */
	let changedSlot = null;
	return {
		kinds,
		/**
		 * @param {number} index
		 * @param {unknown} value
		 */
		next(index, value) {
			const kind = kindOf(value);
			kinds.push(kind);
			if (!state || index >= state.values.length) {
				return value;
			}
			const previousKind = state.kinds?.[index];
			if (previousKind !== undefined && previousKind !== kind) {
				changedSlot ??= `signal ${index + 1} changed from ${previousKind} to ${kind}`;
				return value;
			}
			return state.skipped.includes(index) ? value : state.values[index];
		},
		/** @returns {string | null} why the state did not fit the run, or null if it did */
		mismatch() {
			if (!state) {
				return null;
			}
			if (kinds.length !== state.values.length) {
				return `signals changed (${state.values.length} → ${kinds.length})`;
			}
			return changedSlot;
		},
	};
}

/**
 * Write a state into the signals of an instance that is already running, if the shape matches
 * the kinds of their current values.
 * @param {ComponentOwner} owner
 * @param {InstanceState} state
 * @returns {string | null} why the state did not fit, or null if it was written
 */
export function writeState(owner, state) {
	const signals = owner.signals;
	if (signals.length !== state.values.length) {
		return `signals changed (${state.values.length} → ${signals.length})`;
	}
	const changed = signals.findIndex((signal, i) => state.kinds && state.kinds[i] !== kindOf(signal.value));
	if (changed >= 0) {
		return `signal ${changed + 1} changed from ${state.kinds?.[changed]} to ${kindOf(signals[changed].value)}`;
	}
	batch(() => signals.forEach((signal, i) => state.skipped.includes(i) || write(signal, state.values[i])));
	return null;
}

/**
 * @param {ComponentOwner} owner
 * @param {string[] | null} kinds
 * @returns {InstanceState}
 */
export function captureState(owner, kinds) {
	return { values: owner.signals.map((signal) => signal.value), kinds, skipped: [] };
}

/**
 * Capture the state of the registered components inside an instance, per id in creation order,
 * for the new run of the instance to hand back to the children it creates again.
 * @param {ComponentOwner} owner
 * @param {WeakMap<ComponentOwner, InstanceRecord>} records
 * @returns {Map<string, InstanceState[]>}
 */
export function captureDescendants(owner, records) {
	/** @type {Map<string, InstanceState[]>} */
	const states = new Map();
	/** @param {import('./reactive.js').Owner} parent */
	const visit = (parent) => {
		for (const child of parent.owned) {
			const record = records.get(/** @type {ComponentOwner} */ (child));
			if (record) {
				const list = states.get(record.entry.id) ?? [];
				list.push(captureState(/** @type {ComponentOwner} */ (child), record.kinds));
				states.set(record.entry.id, list);
			}
			visit(child);
		}
	};
	visit(owner);
	return states;
}

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
 * Restore the snapshot a reload left in {@code sessionStorage}, if any, and remove it so that it
 * applies to this page load only.
 */
export function restoreStoredState() {
	try {
		const stored = globalThis.sessionStorage?.getItem(STATE_STORAGE_KEY);
		if (stored != null) {
			sessionStorage.removeItem(STATE_STORAGE_KEY);
			restoreState(JSON.parse(stored));
		}
	}
	catch (error) {
		console.warn('[velocity] Could not read the state kept across the reload:', error);
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

// @ts-check
/**
 * The state a component instance keeps across a hot swap or a reload: the values of the signals it
 * created, by creation order. A new run of the component gets them back only when the shape
 * matches: as many signals as before, each with an initial value of the same kind (number,
 * string, boolean, null, undefined, array, object, function...). Otherwise it starts from its
 * initial values, since an old value in a slot that now means something else is worse than none.
 * The snapshot that carries the state across a reload is kept by reload-state.js.
 */

import { batch, write } from './reactive.js';

/**
 * @typedef {object} InstanceState
 * @property {unknown[]} values the signal values, in creation order
 * @property {string[] | null} kinds the kinds of the signals' initial values, or null if unknown
 * @property {number[]} skipped indexes of values that were not kept and start from their initial value
 */

/**
 * @typedef {import('./component.js').ComponentOwner} ComponentOwner
 * @typedef {{ entry: { id: string, instances: Set<ComponentOwner> }, kinds: string[] | null }} InstanceRecord
 */

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

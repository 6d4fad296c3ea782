// @ts-check
/**
 * Module state across hot updates: the signals a module creates at its top level (a store such
 * as `export const [filter, setFilter] = createSignal('all')`) keep their values when the module
 * runs again with new code, matched by creation order, as a component's signals do across a
 * swap (hot-state.js). In development every compiled module runs its top level inside a module
 * scope: createHotContext() opens it first thing and moduleEvaluated() closes it last, so the
 * signals, memos and effects made at the top level belong to an owner of the module's own. When
 * the module runs again, the new scope's signals start from the old ones' values if the shape
 * still matches (as many signals, each with an initial value of the same kind); otherwise the
 * module starts fresh and the console says why. Once the new instance ran, the old scope is
 * disposed, which stops its top-level effects.
 */

import { batch, createOwner, dispose, runWithOwner, swapOwner, write } from './reactive.js';
import { captureState, seeder } from './hot-state.js';

/**
 * @typedef {import('./reactive.js').Owner} Owner
 * @typedef {{ owner: Owner, kinds: string[] }} ModuleScope the scope of a module's current instance
 * @typedef {{ url: string, owner: Owner, previous: Owner | null, seed: ReturnType<typeof seeder>,
 *   initial: unknown[], last: ModuleScope | undefined }} OpenScope
 */

/** @type {Map<string, ModuleScope>} */
const scopes = new Map();

/** Scopes of modules whose top level is running; more than one only while a module awaits at its top. */
/** @type {OpenScope[]} */
const open = [];

/**
 * Open the scope of a module whose top level starts running.
 * @param {string} url the module's URL, without version
 */
export function beginModule(url) {
	const last = scopes.get(url);
	const seed = seeder(last ? captureState(/** @type {any} */ (last.owner), last.kinds) : undefined);
	/** @type {unknown[]} */
	const initial = [];
	const owner = runWithOwner(null, () => createOwner('module'));
	owner.seed = (index, value) => {
		initial.push(value);
		return seed.next(index, value);
	};
	if (open.length === 0) {
		// A module that throws never reaches moduleEvaluated(); modules evaluate synchronously, so
		// by the first microtask every scope that is still open was abandoned.
		queueMicrotask(closeAbandoned);
	}
	open.push({ url, owner, previous: swapOwner(owner), seed, initial, last });
}

/**
 * Close the scope of a module whose top level ran to its end: it is the module's scope now.
 * @param {string} url the module's URL, without version
 */
export function endModule(url) {
	const index = open.findLastIndex((scope) => scope.url === url);
	if (index < 0) {
		return;
	}
	const [scope] = open.splice(index, 1);
	swapOwner(scope.previous);
	scope.owner.seed = undefined;
	const mismatch = scope.seed.mismatch();
	if (mismatch) {
		// Seeded slots may now mean something else: every signal starts from its initial value.
		const signals = scope.owner.signals;
		batch(() => signals.forEach((signal, i) => write(signal, scope.initial[i])));
		console.info(`[velocity] ${url}: ${mismatch}, module state reset`);
	}
	else if (scope.last && scope.owner.signals.length > 0) {
		const count = scope.owner.signals.length;
		console.info(`[velocity] ${url} ran again and kept the values of its ${count} signal${(count > 1) ? 's' : ''}`);
	}
	scopes.set(url, { owner: scope.owner, kinds: scope.seed.kinds });
	if (scope.last) {
		dispose(scope.last.owner);
	}
}

/**
 * Forget the state of a module no page imports any more: should it come back, it starts fresh.
 * @param {string} url
 */
export function forgetModule(url) {
	const scope = scopes.get(url);
	if (scope) {
		scopes.delete(url);
		dispose(scope.owner);
	}
}

function closeAbandoned() {
	while (open.length > 0) {
		const scope = /** @type {OpenScope} */ (open.pop());
		swapOwner(scope.previous);
		// The instance failed to run; the previous one, if any, stays the module's scope.
		dispose(scope.owner);
	}
}

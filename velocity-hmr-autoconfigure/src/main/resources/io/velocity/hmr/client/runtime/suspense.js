// @ts-check
/**
 * Suspense and SuspenseList. A Suspense boundary renders its children at once, but shows its
 * fallback instead while a resource they read is loading; the children stay alive meanwhile and
 * their user effects wait. Once it has shown its content, a boundary suspended by a transition
 * keeps showing the content it had. A SuspenseList decides in which order the boundaries below it
 * reveal their content.
 */

import { children } from './context.js';
import {
	getOwner, leanOwner, lookup, memo, onCleanup, peek, provide, read, resume, root, runWithOwner, source, write,
	SUSPENSE,
} from './reactive.js';
import { inTransition } from './transition.js';

/**
 * @typedef {import('./reactive.js').Computation} Computation
 * @typedef {{ showContent: boolean, showFallback: boolean }} Reveal
 * @typedef {{ register(inFallback: () => boolean): () => Reveal }} ListContext
 */

const SUSPENSE_LIST = Symbol('velocity-suspense-list');

/**
 * Render children, or fallback while a resource read below is loading.
 * @param {{ fallback?: unknown, children?: unknown }} props
 */
export function Suspense(props) {
	let count = 0;
	const inFallback = source(false);
	/** @type {Computation[]} */
	let held = [];
	const boundary = {
		disposed: false,
		increment() {
			if (++count === 1) {
				write(inFallback, true);
			}
		},
		decrement() {
			if (--count === 0) {
				write(inFallback, false);
			}
		},
		/** @param {Computation} effect a user effect about to run */
		hold(effect) {
			if (!peek(inFallback)) {
				return false;
			}
			held.push(effect);
			return true;
		},
	};
	const owner = getOwner();
	const list = /** @type {ListContext | undefined} */ (lookup(owner, SUSPENSE_LIST));
	const reveal = list ? list.register(() => read(inFallback)) : null;
	/** @type {(() => void) | null} */
	let disposeFallback = null;
	onCleanup(() => {
		boundary.disposed = true;
		disposeFallback?.();
	});
	const scope = leanOwner('suspense', owner);
	provide(scope, SUSPENSE, boundary);
	const rendered = runWithOwner(scope, () => children(() => props.children));
	let shown = false;
	const output = memo((/** @type {unknown} */ previous) => {
		// Children first: creating them may suspend the boundary.
		const content = rendered();
		const suspended = read(inFallback);
		const { showContent = true, showFallback = true } = reveal ? reveal() : {};
		if (!suspended && showContent) {
			shown = true;
			disposeFallback?.();
			disposeFallback = null;
			const effects = held;
			held = [];
			resume(effects);
			return content;
		}
		if (shown && inTransition()) {
			return previous;
		}
		if (!showFallback) {
			return undefined;
		}
		if (disposeFallback) {
			return previous;
		}
		return root((dispose) => {
			disposeFallback = dispose;
			return props.fallback;
		}, owner);
	});
	return () => read(output);
}

/**
 * Coordinate the Suspense boundaries below: {@code revealOrder} 'forwards' or 'backwards' shows
 * each one's content only once those before it (or after it) show theirs, 'together' all at once;
 * {@code tail} 'collapsed' shows only the next fallback, 'hidden' none.
 * @param {{ revealOrder?: 'forwards' | 'backwards' | 'together', tail?: 'collapsed' | 'hidden',
 *   children?: unknown }} props
 */
export function SuspenseList(props) {
	const owner = getOwner();
	const outer = /** @type {ListContext | undefined} */ (lookup(owner, SUSPENSE_LIST));
	/** @type {import('./reactive.js').SignalNode} the boundaries' inFallback accessors, in order */
	const registry = source([]);
	// Set once the state exists, so that the outer list can ask whether this one is in fallback.
	const state = source(null);
	const reveal = outer ? outer.register(() => {
		const current = read(state);
		return current ? read(current).inFallback : false;
	}) : null;
	const resolved = memo(() => revealState(props, read(registry), reveal ? reveal() : {}));
	write(state, resolved);
	const scope = leanOwner('suspense-list', owner);
	/** @type {ListContext} */
	const context = {
		register(inFallback) {
			const entries = peek(registry);
			const index = entries.length;
			write(registry, [...entries, inFallback]);
			const mine = memo(() => read(resolved)[index], undefined,
				(/** @type {Reveal} */ a, /** @type {Reveal} */ b) => a.showContent === b.showContent
					&& a.showFallback === b.showFallback);
			return () => read(mine);
		},
	};
	provide(scope, SUSPENSE_LIST, context);
	return runWithOwner(scope, () => children(() => props.children));
}

/**
 * @param {{ revealOrder?: string, tail?: string }} props
 * @param {(() => boolean)[]} entries
 * @param {Partial<Reveal>} outer what the list itself may show
 * @returns {Reveal[] & { inFallback: boolean }}
 */
function revealState(props, entries, outer) {
	const { showContent = true, showFallback = true } = outer;
	/** @type {Reveal[]} */
	const result = new Array(entries.length);
	if (props.revealOrder === 'together') {
		const all = entries.every((inFallback) => !inFallback());
		result.fill({ showContent: all && showContent, showFallback });
		return Object.assign(result, { inFallback: !all });
	}
	const backwards = props.revealOrder === 'backwards';
	let blocked = false;
	for (let i = 0; i < entries.length; i++) {
		const n = backwards ? entries.length - 1 - i : i;
		if (!blocked && !entries[n]()) {
			result[n] = { showContent, showFallback };
			continue;
		}
		// The first boundary still loading shows its fallback; those after it wait.
		const first = !blocked;
		result[n] = {
			showContent: first,
			showFallback: (!props.tail || (first && props.tail === 'collapsed')) ? showFallback : false,
		};
		blocked = true;
	}
	return Object.assign(result, { inFallback: blocked });
}

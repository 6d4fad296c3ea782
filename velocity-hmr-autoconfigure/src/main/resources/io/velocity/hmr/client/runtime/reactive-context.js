// @ts-check
/**
 * Context of the owner tree: the values providers give an owner and its descendants, and the error
 * handlers found the same way. An owner shares its parent's context object until a provider (or
 * catchError) gives it one of its own, so a lookup costs one property read at any depth.
 */

/** @typedef {import('./reactive-owner.js').Owner} Owner */

/** Key of the nearest error handler in an owner's context. */
const CATCHER = Symbol('velocity-catcher');

/**
 * Give an owner, and the owners it creates from now on, a value under a key of its context.
 * @param {Owner} owner
 * @param {PropertyKey} key
 * @param {unknown} value
 */
export function provide(owner, key, value) {
	owner.context = { ...owner.context, [key]: value };
}

/**
 * @param {Owner | null} owner
 * @param {PropertyKey} key
 * @returns {any} the value provided under key to the owner or an ancestor, or undefined
 */
export function lookup(owner, key) {
	return owner?.context?.[key];
}

/**
 * Make handler receive the errors thrown below an owner (created after this call). An error the
 * handler throws goes on to the next handler up.
 * @param {Owner} owner
 * @param {(error: unknown) => void} handler
 */
export function catchErrors(owner, handler) {
	const outer = lookup(owner, CATCHER);
	const chained = (outer && outer.owner === owner)
		? (/** @type {unknown} */ error) => {
			outer.handler(error);
			handler(error);
		}
		: handler;
	provide(owner, CATCHER, { handler: chained, owner });
}

/**
 * Hand an error thrown below an owner to the nearest handler (catchError, ErrorBoundary), or
 * report it when there is none.
 * @param {unknown} error
 * @param {Owner | null} owner
 */
export function handleError(error, owner) {
	const catcher = lookup(owner, CATCHER);
	if (!catcher) {
		reportError(error);
		return;
	}
	try {
		catcher.handler(castError(error));
	}
	catch (rethrown) {
		handleError(rethrown, catcher.owner.parent);
	}
}

/**
 * @param {unknown} error
 * @returns {unknown} the error, or an Error for a thrown string or other value, as handlers get it
 */
export function castError(error) {
	if (error instanceof Error) {
		return error;
	}
	return new Error((typeof error === 'string') ? error : 'Unknown error', { cause: error });
}

/**
 * Report an error no handler took, without breaking the graph: the error is logged and dispatched
 * as a {@code velocity:error} event on {@code window} for the overlay.
 * @param {unknown} error
 */
export function reportError(error) {
	console.error('[velocity] Uncaught error in a reactive computation:', error);
	if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
		globalThis.dispatchEvent(new CustomEvent('velocity:error', { detail: error }));
	}
}

// @ts-check
/**
 * createResource: a signal fed by an async fetcher. Reading it under a Suspense boundary while it
 * loads suspends the boundary; a load started by a transition makes the transition wait for it.
 * Its value, error and state are signals nobody owns as state: hot swap creates a component's
 * resources again (and they fetch again) rather than keeping them.
 */

import {
	batch, castError, computation, getListener, getOwner, lookup, memo, onCleanup, read, runWithOwner, source, start,
	untrack, write, SUSPENSE,
} from './reactive.js';
import { joinTransition, leaveTransition } from './transition.js';

/**
 * @typedef {{ increment(): void, decrement(): void, disposed: boolean }} SuspenseStore
 * @typedef {'unresolved' | 'pending' | 'ready' | 'refreshing' | 'errored'} ResourceState
 * @typedef {{ initialValue?: any, name?: string, deferStream?: boolean, ssrLoadFrom?: string,
 *   storage?: (initial: any) => [() => any, (next: any) => any], onHydrated?: Function }} ResourceOptions
 */

/** @param {any} value */
function isPromise(value) {
	return value !== null && typeof value === 'object' && 'then' in value;
}

/**
 * Create a resource: {@code createResource(fetcher, options)} or
 * {@code createResource(source, fetcher, options)}. The fetcher runs at once, and again whenever
 * the source changes to a value other than null, undefined or false.
 * @param {any} first the source, or the fetcher
 * @param {any} [second] the fetcher, or the options
 * @param {ResourceOptions} [third] the options
 * @returns {[any, { mutate: (next: any) => any, refetch: (info?: unknown) => any }]}
 */
export function createResource(first, second, third) {
	const hasSource = typeof second === 'function';
	const sourceFn = hasSource ? first : true;
	/** @type {(key: any, info: { value: any, refetching: unknown }) => any} */
	const fetcher = hasSource ? second : first;
	/** @type {ResourceOptions} */
	const options = (hasSource ? third : second) ?? {};

	let resolved = 'initialValue' in options;
	/** @type {Promise<any> | null} the load in flight */
	let loading = null;
	/** @type {SuspenseStore[]} boundaries that read the resource while rendering */
	const boundaries = [];
	/** @type {SuspenseStore[]} boundaries suspended by the load in flight */
	let suspended = [];
	const [value, setValue] = options.storage ? options.storage(options.initialValue) : plainStorage(options.initialValue);
	const error = source(undefined);
	const state = source(resolved ? 'ready' : 'unresolved');
	const dynamic = (typeof sourceFn === 'function') ? memo(sourceFn) : null;
	const owner = getOwner();

	function release() {
		for (const boundary of suspended) {
			boundary.decrement();
		}
		suspended = [];
	}

	function suspend() {
		for (const boundary of boundaries) {
			if (!boundary.disposed && !suspended.includes(boundary)) {
				boundary.increment();
				suspended.push(boundary);
			}
		}
	}

	if (owner) {
		onCleanup(() => {
			release();
			loading = null;
		});
	}

	/**
	 * @param {Promise<any> | null} load the load that ended; a newer one wins over it
	 * @param {any} result
	 * @param {unknown} failure
	 * @param {unknown} key
	 */
	function settle(load, result, failure, key) {
		if (load !== loading) {
			return;
		}
		loading = null;
		if (key !== undefined) {
			resolved = true;
		}
		batch(() => {
			if (failure === undefined) {
				setValue(() => result);
			}
			write(state, (failure !== undefined) ? 'errored' : resolved ? 'ready' : 'unresolved');
			write(error, failure);
			release();
		});
	}

	/** @param {unknown} refetching */
	function load(refetching) {
		const key = dynamic ? read(dynamic) : sourceFn;
		if (key == null || key === false) {
			settle(loading, untrack(value), undefined, undefined);
			return undefined;
		}
		let result;
		try {
			result = untrack(() => fetcher(key, { value: value(), refetching }));
		}
		catch (failure) {
			settle(loading, undefined, castError(failure), key);
			return undefined;
		}
		if (!isPromise(result)) {
			settle(loading, result, undefined, key);
			return result;
		}
		const promise = loading = result;
		const transition = joinTransition();
		batch(() => {
			write(state, resolved ? 'refreshing' : 'pending');
			suspend();
		});
		const done = () => transition && leaveTransition(transition);
		return promise.then(
			(/** @type {any} */ next) => {
				settle(promise, next, undefined, key);
				done();
				return next;
			},
			(/** @type {unknown} */ failure) => {
				settle(promise, undefined, castError(failure), key);
				done();
			});
	}

	function resource() {
		const current = value();
		const failure = read(error);
		if (failure !== undefined && !loading) {
			throw failure;
		}
		const listener = getListener();
		const boundary = /** @type {SuspenseStore | undefined} */ (lookup(getOwner(), SUSPENSE));
		if (boundary && listener && !listener.user && !boundary.disposed) {
			if (!boundaries.includes(boundary)) {
				boundaries.push(boundary);
			}
			if (loading && !suspended.includes(boundary)) {
				boundary.increment();
				suspended.push(boundary);
			}
		}
		return current;
	}

	Object.defineProperties(resource, {
		state: { get: () => read(state) },
		error: { get: () => read(error) },
		loading: {
			get() {
				const current = read(state);
				return current === 'pending' || current === 'refreshing';
			},
		},
		latest: {
			get() {
				if (!resolved) {
					return resource();
				}
				const failure = read(error);
				if (failure !== undefined && !loading) {
					throw failure;
				}
				return value();
			},
		},
	});

	if (dynamic) {
		start(computation('computed', () => load(false), undefined, null, true, false));
	}
	else {
		load(false);
	}
	return [resource, {
		mutate: setValue,
		refetch: (info) => untrack(() => runWithOwner(owner, () => load(info ?? true))),
	}];
}

/**
 * @param {any} initial
 * @returns {[() => any, (next: any) => any]}
 */
function plainStorage(initial) {
	const node = source(initial);
	return [() => read(node), (next) => write(node, (typeof next === 'function') ? next(node.value) : next)];
}

// @ts-check
/**
 * Interop with observables (RxJS and friends): a signal seen as an observable, and an observable
 * or a subscribe function seen as a signal.
 */

import { getOwner, onCleanup, read, source, untrack, write } from './reactive.js';
import { createEffect, createRoot } from './signals.js';

/**
 * @template T
 * @typedef {((value: T) => void) | { next?: (value: T) => void, error?: (error: any) => void,
 *   complete?: (done: boolean) => void }} ObservableObserver
 */

/**
 * An observable of an accessor's values: each subscriber gets the current value, then every
 * change, until it unsubscribes or the owner that subscribed is disposed.
 * @template T
 * @param {() => T} input
 */
export function observable(input) {
	const observableKey = /** @type {any} */ (Symbol).observable ?? '@@observable';
	return {
		/** @param {ObservableObserver<T>} observer */
		subscribe(observer) {
			if (!(observer instanceof Object)) {
				throw new TypeError('Expected the observer to be an object.');
			}
			const handler = (typeof observer === 'function') ? observer : observer.next?.bind(observer);
			if (!handler) {
				return { unsubscribe() {} };
			}
			const dispose = createRoot((disposeRoot) => {
				createEffect(() => {
					const value = input();
					untrack(() => handler(value));
				});
				return disposeRoot;
			});
			if (getOwner()) {
				onCleanup(dispose);
			}
			return { unsubscribe: dispose };
		},
		[observableKey]() {
			return this;
		},
	};
}

/**
 * A signal fed by a producer: a function that receives a setter and returns its teardown, or an
 * observable (anything with subscribe). The teardown runs when the current owner is disposed.
 * @template T
 * @param {((set: (value: T) => void) => () => void)
 *   | { subscribe(fn: (value: T) => void): (() => void) | { unsubscribe(): void } }} producer
 * @param {T} [initialValue]
 * @returns {() => T | undefined}
 */
export function from(producer, initialValue) {
	const node = source(initialValue, false);
	if ('subscribe' in producer) {
		// An observable's values are values, functions included.
		const subscription = producer.subscribe((value) => write(node, value));
		onCleanup(() => ('unsubscribe' in subscription) ? subscription.unsubscribe() : subscription());
	}
	else {
		// A producer gets a setter like createSignal's, which also takes an updater.
		onCleanup(producer((next) => write(node, (typeof next === 'function') ? next(node.value) : next)));
	}
	return () => read(node);
}

// @ts-check
/**
 * The control-flow components, as Solid has them: each returns an accessor of what to render
 * (a memo), and the web layer inserts it. Show and Switch/Match choose, For and Index map lists,
 * ErrorBoundary catches. Conditions and lists may be given as values (a getter in compiled JSX)
 * or as accessors, which are read.
 */

import { children } from './context.js';
import { indexArray, mapArray } from './array.js';
import { memo, onCleanup, peek, read, source, untrack, write } from './reactive.js';
import { catchError } from './signals.js';

/**
 * @param {unknown} value a value, or a zero-argument accessor of one
 * @returns {any}
 */
function valueOf(value) {
	return (typeof value === 'function' && value.length === 0) ? value() : value;
}

/** @param {any} a @param {any} b */
const sameTruth = (a, b) => !a === !b;

/** @param {string} name */
function staleRead(name) {
	return new Error(`Stale read from <${name}>: its condition no longer holds.`);
}

/**
 * Render children while {@code when} is truthy, {@code fallback} otherwise. Function children
 * receive the value: as an accessor, and run again only when the condition flips; with
 * {@code keyed}, as the value itself, and run again whenever it changes.
 * @param {{ when: unknown, keyed?: boolean, fallback?: unknown, children?: unknown }} props
 */
export function Show(props) {
	const keyed = props.keyed;
	const value = memo(() => valueOf(props.when));
	const condition = keyed ? value : memo(() => read(value), undefined, sameTruth);
	const output = memo(() => {
		const current = read(condition);
		if (!current) {
			return props.fallback;
		}
		const child = props.children;
		if (typeof child === 'function' && child.length > 0) {
			return untrack(() => child(keyed ? current : () => {
				if (!peek(condition)) {
					throw staleRead('Show');
				}
				return read(value);
			}));
		}
		return child;
	});
	return () => read(output);
}

/**
 * Render one row per item of {@code each}, keyed by item: a row that stays keeps its nodes and
 * effects (moved if its position changed), rows of items that leave are disposed.
 * @param {{ each: unknown, fallback?: unknown, children: any }} props
 */
export function For(props) {
	const fallback = ('fallback' in props) ? { fallback: () => props.fallback } : undefined;
	const rows = memo(mapArray(() => valueOf(props.each), rowFunction(props), fallback));
	return () => read(rows);
}

/**
 * Render one row per position of {@code each}: row i receives its item as an accessor and keeps
 * its nodes when the item at i changes.
 * @param {{ each: unknown, fallback?: unknown, children: any }} props
 */
export function Index(props) {
	const fallback = ('fallback' in props) ? { fallback: () => props.fallback } : undefined;
	const rows = memo(indexArray(() => valueOf(props.each), rowFunction(props), fallback));
	return () => read(rows);
}

/**
 * @param {{ children: any }} props
 * @returns {(...args: any[]) => any}
 */
function rowFunction(props) {
	// The classic factory and jsxs wrap a single function child in an array.
	return Array.isArray(props.children) ? props.children[0] : props.children;
}

/**
 * One branch of a {@link Switch}: its props, which Switch reads.
 * @param {{ when: unknown, keyed?: boolean, children?: unknown }} props
 */
export function Match(props) {
	return props;
}

/**
 * @typedef {{ when: unknown, keyed?: boolean, children?: unknown }} MatchProps
 * @typedef {[number, import('./reactive.js').Computation, MatchProps] | undefined} Selected
 */

/**
 * Render the first {@link Match} whose {@code when} is truthy, or {@code fallback}. Conditions
 * after the first truthy one are not evaluated.
 * @param {{ fallback?: unknown, children?: unknown }} props
 */
export function Switch(props) {
	const matches = children(() => props.children);
	const select = memo(() => {
		/** @type {() => Selected} */
		let selected = () => undefined;
		const list = matches.toArray();
		for (let i = 0; i < list.length; i++) {
			const match = /** @type {MatchProps} */ (list[i]);
			const before = selected;
			const value = memo(() => before() ? undefined : valueOf(match.when));
			const condition = match.keyed ? value : memo(() => read(value), undefined, sameTruth);
			selected = () => before() || (read(condition) ? [i, value, match] : undefined);
		}
		return selected;
	});
	const output = memo(() => {
		const selected = read(select)();
		if (!selected) {
			return props.fallback;
		}
		const [index, value, match] = selected;
		const child = match.children;
		if (typeof child === 'function' && child.length > 0) {
			return untrack(() => child(match.keyed ? read(value) : () => {
				if (peek(select)()?.[0] !== index) {
					throw staleRead('Match');
				}
				return read(value);
			}));
		}
		return child;
	});
	return () => read(output);
}

/** @type {Set<import('./reactive.js').SignalNode>} */
const boundaries = new Set();

/**
 * Render children, and fallback instead once an error is thrown below (while rendering, in a
 * memo or an effect). A fallback function receives the error and a reset function that renders
 * the children again.
 * @param {{ fallback?: unknown, children?: unknown }} props
 */
export function ErrorBoundary(props) {
	const errored = source(undefined);
	boundaries.add(errored);
	onCleanup(() => boundaries.delete(errored));
	const output = memo(() => {
		const error = read(errored);
		if (error !== undefined) {
			const fallback = props.fallback;
			return (typeof fallback === 'function' && fallback.length > 0)
				? untrack(() => fallback(error, () => write(errored, undefined)))
				: fallback;
		}
		return catchError(() => props.children, (caught) => write(errored, caught));
	});
	return () => read(output);
}

/** Render the children of every error boundary that shows its fallback again. */
export function resetErrorBoundaries() {
	for (const errored of boundaries) {
		write(errored, undefined);
	}
}

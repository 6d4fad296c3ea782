/**
 * Declarations of 'velocity/web' (also 'solid-js/web'): rendering, Portal and Dynamic, and the
 * helpers compiled JSX calls (not meant to be called by hand).
 */

declare module 'velocity/web' {
	import type { JSX } from 'velocity';

	/** Render a component (or a function returning JSX) into a container; returns a disposer. */
	export function render(code: () => JSX.Element, container: Element | DocumentFragment): () => void;
	/** Render children into another node (document.body by default), inside a <div>. */
	export function Portal(props: {
		mount?: Node;
		useShadow?: boolean;
		isSVG?: boolean;
		ref?: (element: HTMLDivElement) => void;
		children: JSX.Element;
	}): JSX.Element;
	/** Render the component or element named by `component`, with the other props. */
	export function Dynamic<P extends Record<string, any>>(
		props: P & { component: ((props: any) => JSX.Element) | keyof JSX.IntrinsicElements | string | undefined | null },
	): JSX.Element;
	/** Never true: Velocity renders in the browser. */
	export const isServer: false;
	export function mergeProps<T extends object[]>(...sources: T): any;
	export function splitProps<T extends Record<string, any>, K extends (keyof T)[]>(props: T, ...keys: K[]): any[];
	export function untrack<T>(fn: () => T): T;

	export function template(html: string, isSVG?: boolean): () => Node;
	export function insert(parent: Node, value: unknown, marker?: Node | null, current?: unknown): unknown;
	export function createComponent<P>(component: (props: P) => JSX.Element, props: P): JSX.Element;
	export function delegateEvents(names: string[], document?: Document): void;
	export function clearDelegatedEvents(document?: Document): void;
	export const DelegatedEvents: Set<string>;
	export function addEventListener(node: Element, name: string, handler: unknown, delegate?: boolean,
		capture?: boolean): (() => void) | undefined;
	export function className(node: Element, value: unknown): void;
	export function classList(node: Element, value: Record<string, unknown> | null | undefined,
		previous?: Record<string, boolean>): Record<string, boolean>;
	export function style(node: Element, value: string | Record<string, unknown> | null | undefined,
		previous?: unknown): unknown;
	export function setAttribute(node: Element, name: string, value: unknown): void;
	export function setAttributeNS(node: Element, namespace: string, name: string, value: unknown): void;
	export function setBoolAttribute(node: Element, name: string, value: unknown): void;
	export function spread(node: Element, props: Record<string, any>, isSVG?: boolean, skipChildren?: boolean): void;
	export function use<A>(directive: (element: Element, accessor: () => A) => unknown, node: Element,
		accessor?: () => A): unknown;
	export function effect<T>(fn: (previous: T) => T, init?: T): void;
	export function memo<T>(fn: () => T): () => T;
}

// TODO(solid-branch): replaced by the reactive core's declarations (minimal versions in solid-shim.js).
declare module 'velocity' {
	export function mergeProps<T extends object[]>(...sources: T): any;
	export function splitProps<T extends Record<string, any>, K extends (keyof T)[]>(props: T, ...keys: K[]): any[];
	export function createRenderEffect<T>(fn: (previous: T) => T, value?: T): void;
	export function createSelector<T, K = T>(source: () => T, equals?: (key: K, value: T) => boolean): (key: K) => boolean;
}

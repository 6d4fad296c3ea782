/// <reference path="./jsx.d.ts" />
/// <reference path="./web.d.ts" />
/**
 * Type declarations for the Velocity runtime ('velocity') and for imported style sheets. The JSX
 * namespace, 'velocity/jsx-runtime' and the 'solid-js' aliases are in jsx.d.ts, 'velocity/web' in web.d.ts.
 */

declare module 'velocity' {
	export type Accessor<T> = () => T;
	export type Setter<T> = (next: T | ((previous: T) => T)) => T;
	export interface SignalOptions<T> {
		/** Whether two values count as the same, so that setting one does not notify; false always notifies. */
		equals?: false | ((previous: T, next: T) => boolean);
	}
	/** A value, or a function read inside an effect so that the binding follows it. */
	export type MaybeAccessor<T> = T | Accessor<T>;
	export type Component<P = {}> = (props: P) => JSX.Element;

	export function createSignal<T>(value: T, options?: SignalOptions<T>): [get: Accessor<T>, set: Setter<T>];
	export function createSignal<T = undefined>(): [get: Accessor<T | undefined>, set: Setter<T | undefined>];
	export function createEffect(fn: () => void | (() => void)): () => void;
	export function createMemo<T>(fn: (previous: T | undefined) => T, options?: SignalOptions<T>): Accessor<T>;
	export function createRoot<T>(fn: (dispose: () => void) => T): T;
	export function onCleanup(fn: () => void): () => void;
	export function batch<T>(fn: () => T): T;
	export function untrack<T>(fn: () => T): T;
	export function render(component: Component<{}>, container: Node): () => void;
	export function reportError(error: unknown): void;

	export function Show<T>(props: {
		when: MaybeAccessor<T | null | undefined | false>;
		fallback?: JSX.Element;
		children?: JSX.Element | ((value: NonNullable<T>) => JSX.Element);
	}): JSX.Element;
	export function For<T>(props: {
		each: MaybeAccessor<readonly T[] | null | undefined>;
		children: (item: T, index: Accessor<number>) => JSX.Element;
	}): JSX.Element;

	export function h(type: string | Component<any>, props?: Record<string, unknown> | null,
		...children: JSX.Element[]): Node;
	export function jsx(type: string | Component<any>, props: Record<string, unknown>, key?: unknown): Node;
	export const jsxs: typeof jsx;
	export function Fragment(props: { children?: JSX.Element }): JSX.Element;
}

/** A style sheet imported by a module is injected into the page; its text is the default export. */
declare module '*.css' {
	const css: string;
	export default css;
}

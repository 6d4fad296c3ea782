/**
 * Type declarations for the Velocity runtime ('velocity') and its automatic JSX runtime
 * ('velocity/jsx-runtime'), so that editors type-check TSX compiled with importSource 'velocity', and for
 * imported style sheets.
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

	export namespace JSX {
		type Element = Node | string | number | boolean | null | undefined | Element[] | (() => Element);
		interface ElementChildrenAttribute {
			children: {};
		}
		type EventHandler<E extends Event> = (event: E & { currentTarget: EventTarget }) => void;
		interface DOMAttributes {
			children?: Element;
			ref?: (element: any) => void;
			innerHTML?: MaybeAccessor<string>;
			textContent?: MaybeAccessor<string>;
			onClick?: EventHandler<MouseEvent>;
			onDblClick?: EventHandler<MouseEvent>;
			onMouseDown?: EventHandler<MouseEvent>;
			onMouseUp?: EventHandler<MouseEvent>;
			onMouseEnter?: EventHandler<MouseEvent>;
			onMouseLeave?: EventHandler<MouseEvent>;
			onMouseMove?: EventHandler<MouseEvent>;
			onKeyDown?: EventHandler<KeyboardEvent>;
			onKeyUp?: EventHandler<KeyboardEvent>;
			onInput?: EventHandler<InputEvent>;
			onChange?: EventHandler<Event>;
			onSubmit?: EventHandler<SubmitEvent>;
			onFocus?: EventHandler<FocusEvent>;
			onBlur?: EventHandler<FocusEvent>;
			[event: `on${string}`]: ((event: any) => void) | undefined;
		}
		interface HTMLAttributes extends DOMAttributes {
			id?: MaybeAccessor<string | undefined>;
			class?: MaybeAccessor<string | undefined>;
			className?: MaybeAccessor<string | undefined>;
			style?: MaybeAccessor<string | Record<string, MaybeAccessor<string | number | null | undefined>>>;
			title?: MaybeAccessor<string | undefined>;
			hidden?: MaybeAccessor<boolean | undefined>;
			tabIndex?: MaybeAccessor<number | undefined>;
			role?: MaybeAccessor<string | undefined>;
			href?: MaybeAccessor<string | undefined>;
			src?: MaybeAccessor<string | undefined>;
			alt?: MaybeAccessor<string | undefined>;
			type?: MaybeAccessor<string | undefined>;
			name?: MaybeAccessor<string | undefined>;
			value?: MaybeAccessor<string | number | undefined>;
			placeholder?: MaybeAccessor<string | undefined>;
			checked?: MaybeAccessor<boolean | undefined>;
			disabled?: MaybeAccessor<boolean | undefined>;
			selected?: MaybeAccessor<boolean | undefined>;
			readOnly?: MaybeAccessor<boolean | undefined>;
			for?: MaybeAccessor<string | undefined>;
			htmlFor?: MaybeAccessor<string | undefined>;
			[attribute: `data-${string}`]: MaybeAccessor<string | number | boolean | undefined>;
			[attribute: `aria-${string}`]: MaybeAccessor<string | number | boolean | undefined>;
		}
		interface SVGAttributes extends DOMAttributes {
			class?: MaybeAccessor<string | undefined>;
			style?: HTMLAttributes['style'];
			[attribute: string]: unknown;
		}
		type IntrinsicElements = {
			[K in keyof HTMLElementTagNameMap]: HTMLAttributes;
		} & {
			[K in Exclude<keyof SVGElementTagNameMap, keyof HTMLElementTagNameMap>]: SVGAttributes;
		};
	}
}

declare module 'velocity/jsx-runtime' {
	export { Fragment, JSX, jsx, jsxs } from 'velocity';
	export { jsx as jsxDEV } from 'velocity';
}

/** A style sheet imported by a module is injected into the page; its text is the default export. */
declare module '*.css' {
	const css: string;
	export default css;
}

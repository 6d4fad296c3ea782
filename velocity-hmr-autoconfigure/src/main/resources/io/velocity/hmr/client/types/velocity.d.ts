/// <reference path="./jsx.d.ts" />
/// <reference path="./web.d.ts" />
/**
 * Type declarations for the Velocity runtime ('velocity') and its stores ('velocity/store'), the stores under
 * Solid's name ('solid-js/store', which the compiler maps to Velocity's), and imported style sheets. The API is
 * Solid 1.9's: see docs/coming-from-solid.md. The JSX namespace, 'velocity/jsx-runtime' and the 'solid-js' and
 * 'solid-js/web' aliases are in jsx.d.ts, 'velocity/web' in web.d.ts.
 */

declare module 'velocity' {
	// Signals and computations

	export type Accessor<T> = () => T;
	/**
	 * Sets a signal to a value, or to what an updater makes of the previous value, and returns what it set. A
	 * function is always taken as an updater: to store a function, return it from one.
	 */
	export type Setter<in out T> = {
		<U extends T>(...args: undefined extends T ? [] : [value: Exclude<U, Function> | ((previous: T) => U)]):
			undefined extends T ? undefined : U;
		<U extends T>(value: (previous: T) => U): U;
		<U extends T>(value: Exclude<U, Function>): U;
		<U extends T>(value: Exclude<U, Function> | ((previous: T) => U)): U;
	};
	export type Signal<T> = [get: Accessor<T>, set: Setter<T>];
	/** A value, or a function read inside an effect so that the binding follows it. */
	export type MaybeAccessor<T> = T | Accessor<T>;
	/** Keeps a type parameter from being inferred at this position. */
	export type NoInfer<T extends any> = [T][T extends any ? 0 : never];

	export interface BaseOptions {
		/** A name for debugging. */
		name?: string;
	}
	export interface EffectOptions extends BaseOptions {}
	export interface MemoOptions<T> extends EffectOptions {
		/** Whether two values count as the same, so that the new one does not notify; false always notifies. */
		equals?: false | ((previous: T, next: T) => boolean);
	}
	export interface SignalOptions<T> extends MemoOptions<T> {
		/** Not state of the current owner: hot swap does not keep its value. */
		internal?: boolean;
	}
	export type EffectFunction<Previous, Next extends Previous = Previous> = (previous: Previous) => Next;
	export type OnEffectFunction<S, Previous, Next extends Previous = Previous> =
		(input: S, previousInput: S | undefined, previous: Previous) => Next;
	export type AccessorArray<T> = [...Extract<{ [K in keyof T]: Accessor<T[K]> }, readonly unknown[]>];
	export interface OnOptions {
		/** Skip the first run. */
		defer?: boolean;
	}

	/** A node of the owner tree: a root, a component, or a computation. */
	export interface Owner {
		readonly kind: string;
		readonly parent: Owner | null;
		readonly disposed: boolean;
		readonly context: Record<PropertyKey, unknown> | null;
	}

	export function createSignal<T>(): Signal<T | undefined>;
	export function createSignal<T>(value: T, options?: SignalOptions<T>): Signal<T>;
	export function createMemo<Next extends Previous, Previous = Next>(
		fn: EffectFunction<undefined | NoInfer<Previous>, Next>): Accessor<Next>;
	export function createMemo<Next extends Previous, Init = Next, Previous = Next>(
		fn: EffectFunction<Init | Previous, Next>, value: Init, options?: MemoOptions<Next>): Accessor<Next>;
	/**
	 * Runs fn after rendering, and again when what it read changes. Returns a function that disposes the effect.
	 * As in earlier versions of Velocity, a function fn returns also runs as a cleanup.
	 */
	export function createEffect<Next>(fn: EffectFunction<undefined | NoInfer<Next>, Next>): () => void;
	export function createEffect<Next, Init = Next>(
		fn: EffectFunction<Init | Next, Next>, value: Init, options?: EffectOptions): () => void;
	export function createRenderEffect<Next>(fn: EffectFunction<undefined | NoInfer<Next>, Next>): void;
	export function createRenderEffect<Next, Init = Next>(
		fn: EffectFunction<Init | Next, Next>, value: Init, options?: EffectOptions): void;
	export function createComputed<Next>(fn: EffectFunction<undefined | NoInfer<Next>, Next>): void;
	export function createComputed<Next, Init = Next>(
		fn: EffectFunction<Init | Next, Next>, value: Init, options?: EffectOptions): void;
	export function createReaction(onInvalidate: () => void, options?: EffectOptions): (tracking: () => void) => void;
	export function createRoot<T>(fn: (dispose: () => void) => T, detachedOwner?: Owner | null): T;
	export function createSelector<T, U = T>(source: Accessor<T>, fn?: (key: U, value: T) => boolean,
		options?: BaseOptions): (key: U) => boolean;
	export function createDeferred<T>(source: Accessor<T>,
		options?: MemoOptions<T> & { timeoutMs?: number }): Accessor<T>;
	export function on<S, Next extends Previous, Previous = Next>(deps: AccessorArray<S> | Accessor<S>,
		fn: OnEffectFunction<S, undefined | NoInfer<Previous>, Next>,
		options?: OnOptions & { defer?: false }): EffectFunction<undefined | NoInfer<Next>, NoInfer<Next>>;
	export function on<S, Next extends Previous, Previous = Next>(deps: AccessorArray<S> | Accessor<S>,
		fn: OnEffectFunction<S, undefined | NoInfer<Previous>, Next>,
		options: OnOptions | { defer: true }): EffectFunction<undefined | NoInfer<Next>>;
	export function onMount(fn: () => void): void;
	export function onCleanup<T extends () => any>(fn: T): T;
	export function batch<T>(fn: Accessor<T>): T;
	export function untrack<T>(fn: Accessor<T>): T;
	export function getListener(): Owner | null;
	export function getOwner(): Owner | null;
	export function runWithOwner<T>(owner: Owner | null, fn: () => T): T | undefined;
	export function catchError<T>(fn: () => T, handler: (error: Error) => void): T | undefined;
	/** @deprecated use catchError */
	export function onError(fn: (error: Error) => void): void;
	/** Reports an error as an uncaught one: logged, and shown by the overlay in development. */
	export function reportError(error: unknown): void;
	export function equalFn<T>(a: T, b: T): boolean;
	export const $PROXY: unique symbol;
	export const $TRACK: unique symbol;
	/** Solid's scheduler hook for transitions; Velocity needs none, so it does nothing. */
	export function enableScheduling(scheduler?: unknown): void;

	// Context, children, props

	export type ContextProviderComponent<T> = FlowComponent<{ value: T }>;
	export interface Context<T> {
		id: symbol;
		Provider: ContextProviderComponent<T>;
		defaultValue: T;
	}
	export function createContext<T>(defaultValue?: undefined, options?: EffectOptions): Context<T | undefined>;
	export function createContext<T>(defaultValue: T, options?: EffectOptions): Context<T>;
	export function useContext<T>(context: Context<T>): T;
	export type ResolvedJSXElement = Exclude<JSX.Element, readonly any[] | Accessor<any>>;
	export type ResolvedChildren = ResolvedJSXElement | ResolvedJSXElement[];
	export type ChildrenReturn = Accessor<ResolvedChildren> & { toArray: () => ResolvedJSXElement[] };
	export function children(fn: Accessor<JSX.Element>): ChildrenReturn;
	export function createUniqueId(): string;

	type Simplify<T> = T extends any ? { [K in keyof T]: T[K] } : T;
	type Resolved<S> = S extends (() => infer R) ? R : S;
	type Override<A, B> = Simplify<
		{ [K in keyof A as K extends keyof B ? never : K]: A[K] } &
		{ [K in keyof B as K extends keyof A ? never : K]: B[K] } &
		{ [K in keyof B as K extends keyof A ? K : never]-?: Exclude<B[K], undefined> | A[K & keyof A] }>;
	/** The props mergeProps makes of its sources: for each key, the last source's value that is not undefined. */
	export type MergeProps<T extends unknown[]> =
		T extends [...infer Rest, infer Last] ? Override<MergeProps<Rest>, Resolved<Last>> : {};
	export type SplitProps<T, K extends (readonly (keyof T)[])[]> = [
		...{ [P in keyof K]: P extends `${number}` ? Pick<T, Extract<K[P], readonly (keyof T)[]>[number]> : never },
		{ [P in keyof T as Exclude<P, K[number][number]>]: T[P] },
	];
	export function mergeProps<T extends unknown[]>(...sources: T): MergeProps<T>;
	export function splitProps<T extends Record<any, any>,
		K extends [readonly (keyof T)[], ...(readonly (keyof T)[])[]]>(props: T, ...keys: K): SplitProps<T, K>;

	// Components and control flow

	export type Component<P extends Record<string, any> = {}> = (props: P) => JSX.Element;
	export type VoidProps<P extends Record<string, any> = {}> = P & { children?: never };
	export type VoidComponent<P extends Record<string, any> = {}> = Component<VoidProps<P>>;
	export type ParentProps<P extends Record<string, any> = {}> = P & { children?: JSX.Element };
	export type ParentComponent<P extends Record<string, any> = {}> = Component<ParentProps<P>>;
	export type FlowProps<P extends Record<string, any> = {}, C = JSX.Element> = P & { children: C };
	export type FlowComponent<P extends Record<string, any> = {}, C = JSX.Element> = Component<FlowProps<P, C>>;
	export type ComponentProps<T extends Component<any>> = T extends Component<infer P> ? P : never;
	/** A condition or list prop: a value (a reactive expression in JSX) or, in Velocity, also an accessor. */
	type When<T> = T | undefined | null | false | Accessor<T | undefined | null | false>;
	type RequiredParameter<T> = T extends () => unknown ? never : T;

	export function Show<T, R extends (item: Accessor<NonNullable<T>>) => JSX.Element>(props: {
		when: When<T>;
		keyed?: false;
		fallback?: JSX.Element;
		children: JSX.Element | RequiredParameter<R>;
	}): JSX.Element;
	export function Show<T, R extends (item: NonNullable<T>) => JSX.Element>(props: {
		when: When<T>;
		keyed: true;
		fallback?: JSX.Element;
		children: JSX.Element | RequiredParameter<R>;
	}): JSX.Element;
	export function For<T extends readonly any[], U extends JSX.Element>(props: {
		each: When<T>;
		fallback?: JSX.Element;
		children: (item: T[number], index: Accessor<number>) => U;
	}): JSX.Element;
	export function Index<T extends readonly any[], U extends JSX.Element>(props: {
		each: When<T>;
		fallback?: JSX.Element;
		children: (item: Accessor<T[number]>, index: number) => U;
	}): JSX.Element;
	export function Switch(props: { fallback?: JSX.Element; children: JSX.Element }): JSX.Element;
	export type MatchProps<T> = {
		when: When<T>;
		keyed?: boolean;
		children: JSX.Element | ((item: NonNullable<T> | Accessor<NonNullable<T>>) => JSX.Element);
	};
	export function Match<T, R extends (item: Accessor<NonNullable<T>>) => JSX.Element>(props: {
		when: When<T>;
		keyed?: false;
		children: JSX.Element | RequiredParameter<R>;
	}): JSX.Element;
	export function Match<T, R extends (item: NonNullable<T>) => JSX.Element>(props: {
		when: When<T>;
		keyed: true;
		children: JSX.Element | RequiredParameter<R>;
	}): JSX.Element;
	export function ErrorBoundary(props: {
		fallback: JSX.Element | ((error: any, reset: () => void) => JSX.Element);
		children: JSX.Element;
	}): JSX.Element;
	export function resetErrorBoundaries(): void;
	export function mapArray<T, U>(list: Accessor<readonly T[] | undefined | null | false>,
		mapFn: (item: T, index: Accessor<number>) => U, options?: { fallback?: Accessor<any> }): () => U[];
	export function indexArray<T, U>(list: Accessor<readonly T[] | undefined | null | false>,
		mapFn: (item: Accessor<T>, index: number) => U, options?: { fallback?: Accessor<any> }): () => U[];

	// Resources, Suspense, transitions

	interface Unresolved {
		state: 'unresolved'; loading: false; error: undefined; latest: undefined; (): undefined;
	}
	interface Pending {
		state: 'pending'; loading: true; error: undefined; latest: undefined; (): undefined;
	}
	interface Ready<T> {
		state: 'ready'; loading: false; error: undefined; latest: T; (): T;
	}
	interface Refreshing<T> {
		state: 'refreshing'; loading: true; error: undefined; latest: T; (): T;
	}
	interface Errored {
		state: 'errored'; loading: false; error: any; latest: never; (): never;
	}
	export type Resource<T> = Unresolved | Pending | Ready<T> | Refreshing<T> | Errored;
	export type InitializedResource<T> = Ready<T> | Refreshing<T> | Errored;
	export type ResourceActions<T, R = unknown> = {
		mutate: Setter<T>;
		refetch: (info?: R) => T | Promise<T> | undefined | null;
	};
	export type ResourceSource<S> = S | false | null | undefined | (() => S | false | null | undefined);
	export type ResourceFetcherInfo<T, R = unknown> = { value: T | undefined; refetching: R | boolean };
	export type ResourceFetcher<S, T, R = unknown> = (source: S, info: ResourceFetcherInfo<T, R>) => T | Promise<T>;
	export type ResourceOptions<T, S = unknown> = {
		initialValue?: T;
		name?: string;
		/** Accepted for compatibility: Velocity renders in the browser only. */
		deferStream?: boolean;
		/** Accepted for compatibility: Velocity renders in the browser only. */
		ssrLoadFrom?: 'initial' | 'server';
		storage?: (initial: T | undefined) => [Accessor<T | undefined>, Setter<T | undefined>];
		/** Accepted for compatibility: Velocity does not hydrate. */
		onHydrated?: (source: S | undefined, info: { value: T | undefined }) => void;
	};
	export type InitializedResourceOptions<T, S = unknown> = ResourceOptions<T, S> & { initialValue: T };
	export type ResourceReturn<T, R = unknown> = [Resource<T>, ResourceActions<T | undefined, R>];
	export type InitializedResourceReturn<T, R = unknown> = [InitializedResource<T>, ResourceActions<T, R>];
	export function createResource<T, R = unknown, I = T>(
		fetcher: (source: true, info: ResourceFetcherInfo<T | I, R>) => T | Promise<T>,
		options: ResourceOptions<T | I, true> & { initialValue: I }): InitializedResourceReturn<T | I, R>;
	export function createResource<T, R = unknown>(fetcher: ResourceFetcher<true, T, R>,
		options?: ResourceOptions<NoInfer<T>, true>): ResourceReturn<T, R>;
	export function createResource<T, S, R = unknown, I = T>(source: ResourceSource<S>,
		fetcher: (source: S, info: ResourceFetcherInfo<T | I, R>) => T | Promise<T>,
		options: ResourceOptions<T | I, S> & { initialValue: I }): InitializedResourceReturn<T | I, R>;
	export function createResource<T, S, R = unknown>(source: ResourceSource<S>, fetcher: ResourceFetcher<S, T, R>,
		options?: ResourceOptions<NoInfer<T>, S>): ResourceReturn<T, R>;
	export function Suspense(props: { fallback?: JSX.Element; children: JSX.Element }): JSX.Element;
	export function SuspenseList(props: {
		children: JSX.Element;
		revealOrder: 'forwards' | 'backwards' | 'together';
		tail?: 'collapsed' | 'hidden';
	}): JSX.Element;
	export type Transition = [Accessor<boolean>, (fn: () => void) => Promise<void>];
	export function startTransition(fn: () => unknown): Promise<void>;
	export function useTransition(): Transition;
	export function lazy<T extends Component<any>>(fn: () => Promise<{ default: T }>):
		T & { preload: () => Promise<{ default: T }> };

	// Observables

	export type ObservableObserver<T> = ((value: T) => void) | {
		next?: (value: T) => void;
		error?: (error: any) => void;
		complete?: (done: boolean) => void;
	};
	export interface Observable<T> {
		subscribe(observer: ObservableObserver<T>): { unsubscribe(): void };
	}
	export function observable<T>(input: Accessor<T>): Observable<T>;
	export function from<T>(producer: ((setter: Setter<T>) => () => void)
		| { subscribe: (fn: (value: T) => void) => (() => void) | { unsubscribe: () => void } }, initialValue: T): Accessor<T>;
	export function from<T>(producer: ((setter: Setter<T | undefined>) => () => void)
		| { subscribe: (fn: (value: T) => void) => (() => void) | { unsubscribe: () => void } }): Accessor<T | undefined>;

	// Rendering (the web layer)

	export function render(component: Component<{}>, container: Node): () => void;
	export { Dynamic, Portal } from 'velocity/web';
	export function createComponent<P extends Record<string, any>>(component: Component<P>, props: P): JSX.Element;
	export function h(type: string | Component<any>, props?: Record<string, unknown> | null,
		...children: JSX.Element[]): Node;
	export function jsx(type: string | Component<any>, props: Record<string, unknown>, key?: unknown): Node;
	export const jsxs: typeof jsx;
	export function Fragment(props: { children?: JSX.Element }): JSX.Element;
}

declare module 'velocity/store' {
	/** Values a store does not wrap: read as they are, replaced as a whole. */
	export type NotWrappable = string | number | bigint | symbol | boolean | Function | null | undefined;
	export type Store<T> = T;
	export type StorePathRange = { from?: number; to?: number; by?: number };
	export type ArrayFilterFn<T> = (item: T, index: number) => boolean;
	export type StoreSetter<T, U extends PropertyKey[] = []> =
		| T
		| Partial<T>
		| ((previous: T, traversed: U) => T | Partial<T>);
	type W<T> = Exclude<T, NotWrappable>;
	/** The keys of T, numbers for an array or a tuple. */
	type KeyOf<T> = number extends keyof T
		? 0 extends 1 & T ? keyof T : [T] extends [never] ? never : [T] extends [readonly unknown[]] ? number : keyof T
		: keyof T;
	/** One step of a setter's path: a key, a list of keys, or for arrays a filter or a range. */
	export type Part<T, K extends KeyOf<T> = KeyOf<T>> =
		| K
		| ([K] extends [never] ? never : readonly K[])
		| ([T] extends [readonly unknown[]] ? ArrayFilterFn<T[number]> | StorePathRange : never);
	/** A store's setter: a path of up to six steps, then a value, an updater or an object to merge. */
	export interface SetStoreFunction<T> {
		(setter: StoreSetter<T, []>): void;
		<K1 extends KeyOf<W<T>>>(k1: Part<W<T>, K1>, setter: StoreSetter<W<T>[K1], [K1]>): void;
		<K1 extends KeyOf<W<T>>, K2 extends KeyOf<W<W<T>[K1]>>>(k1: Part<W<T>, K1>, k2: Part<W<W<T>[K1]>, K2>,
			setter: StoreSetter<W<W<T>[K1]>[K2], [K2, K1]>): void;
		<K1 extends KeyOf<W<T>>, K2 extends KeyOf<W<W<T>[K1]>>, K3 extends KeyOf<W<W<W<T>[K1]>[K2]>>>(
			k1: Part<W<T>, K1>, k2: Part<W<W<T>[K1]>, K2>, k3: Part<W<W<W<T>[K1]>[K2]>, K3>,
			setter: StoreSetter<W<W<W<T>[K1]>[K2]>[K3], [K3, K2, K1]>): void;
		<K1 extends KeyOf<W<T>>, K2 extends KeyOf<W<W<T>[K1]>>, K3 extends KeyOf<W<W<W<T>[K1]>[K2]>>,
			K4 extends KeyOf<W<W<W<W<T>[K1]>[K2]>[K3]>>>(
			k1: Part<W<T>, K1>, k2: Part<W<W<T>[K1]>, K2>, k3: Part<W<W<W<T>[K1]>[K2]>, K3>,
			k4: Part<W<W<W<W<T>[K1]>[K2]>[K3]>, K4>,
			setter: StoreSetter<W<W<W<W<T>[K1]>[K2]>[K3]>[K4], [K4, K3, K2, K1]>): void;
		<K1 extends KeyOf<W<T>>, K2 extends KeyOf<W<W<T>[K1]>>, K3 extends KeyOf<W<W<W<T>[K1]>[K2]>>,
			K4 extends KeyOf<W<W<W<W<T>[K1]>[K2]>[K3]>>, K5 extends KeyOf<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>>>(
			k1: Part<W<T>, K1>, k2: Part<W<W<T>[K1]>, K2>, k3: Part<W<W<W<T>[K1]>[K2]>, K3>,
			k4: Part<W<W<W<W<T>[K1]>[K2]>[K3]>, K4>, k5: Part<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>, K5>,
			setter: StoreSetter<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>[K5], [K5, K4, K3, K2, K1]>): void;
		<K1 extends KeyOf<W<T>>, K2 extends KeyOf<W<W<T>[K1]>>, K3 extends KeyOf<W<W<W<T>[K1]>[K2]>>,
			K4 extends KeyOf<W<W<W<W<T>[K1]>[K2]>[K3]>>, K5 extends KeyOf<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>>,
			K6 extends KeyOf<W<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>[K5]>>>(
			k1: Part<W<T>, K1>, k2: Part<W<W<T>[K1]>, K2>, k3: Part<W<W<W<T>[K1]>[K2]>, K3>,
			k4: Part<W<W<W<W<T>[K1]>[K2]>[K3]>, K4>, k5: Part<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>, K5>,
			k6: Part<W<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>[K5]>, K6>,
			setter: StoreSetter<W<W<W<W<W<W<T>[K1]>[K2]>[K3]>[K4]>[K5]>[K6], [K6, K5, K4, K3, K2, K1]>): void;
	}
	export type StoreReturn<T> = [get: Store<T>, set: SetStoreFunction<T>];
	export function createStore<T extends object = {}>(
		...[store, options]: {} extends T
			? [store?: T | Store<T>, options?: { name?: string }]
			: [store: T | Store<T>, options?: { name?: string }]): StoreReturn<T>;
	export function produce<T>(fn: (draft: T) => void): (state: T) => T;
	export type ReconcileOptions = { key?: string | null; merge?: boolean };
	export function reconcile<T extends U, U>(value: T, options?: ReconcileOptions): (state: U) => T;
	export function unwrap<T>(item: T): T;
	export function createMutable<T extends object>(state: T, options?: { name?: string }): T;
	export function modifyMutable<T>(state: T, modifier: (state: T) => T): void;
	export const $RAW: unique symbol;
}

/** Solid's module name for stores, which the compiler maps to Velocity's, so that Solid code type-checks as it is. */
declare module 'solid-js/store' {
	export * from 'velocity/store';
}

/** A style sheet imported by a module is injected into the page; its text is the default export. */
declare module '*.css' {
	const css: string;
	export default css;
}

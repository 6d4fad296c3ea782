// @ts-check
/**
 * The Velocity runtime, imported by applications as {@code velocity}: Solid's API over the
 * reactive graph in reactive.js (signals and effects, owners and context, lists and control
 * flow, resources, Suspense and transitions), and the web layer that renders it. Components are
 * plain functions that run once; only the parts of the DOM that read a signal are updated when it
 * changes. Stores are imported from {@code velocity/store} (store.js).
 */

export {
	$PROXY, $TRACK, batch, catchError, createComputed, createEffect, createMemo, createReaction, createRenderEffect,
	createRoot, createSignal, enableScheduling, equalFn, getListener, getOwner, on, onCleanup, onError, onMount,
	runWithOwner, untrack,
} from './signals.js';
export { createDeferred, createSelector } from './derived.js';
export { children, createContext, createUniqueId, useContext } from './context.js';
export { mergeProps, splitProps } from './props.js';
export { indexArray, mapArray } from './array.js';
export { ErrorBoundary, For, Index, Match, Show, Switch, resetErrorBoundaries } from './flow.js';
export { createResource } from './resource.js';
export { Suspense, SuspenseList } from './suspense.js';
export { startTransition, useTransition } from './transition.js';
export { lazy } from './lazy.js';
export { from, observable } from './observable.js';
export { reportError } from './reactive.js';

// Solid exports these from solid-js too: the web layer (web.js) and the factories for hand-written JSX calls.
export { Dynamic, Portal, createComponent, render } from './web.js';
export { Fragment, h, jsx, jsxs } from './jsx-runtime.js';

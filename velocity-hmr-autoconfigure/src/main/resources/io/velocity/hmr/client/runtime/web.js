// @ts-check
/**
 * The web layer of the Velocity runtime, imported as {@code velocity/web} or {@code solid-js/web}:
 * {@link render}, {@link Portal}, {@link Dynamic}, and the helpers that compiled JSX calls
 * (template, insert, createComponent, delegateEvents, the attribute setters, spread...). The
 * compiler imports them from here; what each one does for which JSX is in docs/jsx.md.
 */

export { createComponent } from './component.js';
export { insert } from './web-insert.js';
export {
	className, classList, effect, memo, setAttribute, setAttributeNS, setBoolAttribute, style, template, use,
} from './web-dom.js';
export { addEventListener, clearDelegatedEvents, delegateEvents, DelegatedEvents } from './web-events.js';
export { spread } from './web-spread.js';
export { Dynamic, Portal, render } from './web-render.js';
export { mergeProps, splitProps } from './runtime.js';
export { untrack } from './reactive.js';

/** Whether this runs on a server: never, Velocity renders in the browser. */
export const isServer = false;

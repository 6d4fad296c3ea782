// @ts-check
/**
 * Component instances: every component that JSX renders, compiled or written with jsx(), is
 * created through {@link createComponent}. In production that is a plain untracked call, as in
 * Solid: no owner and no marker comments of its own. In development the hot-swap registry
 * (hot-components.js) installs a hook that mounts each instance with {@link mountComponent}
 * instead, so that it can be found and replaced later.
 */

import { createOwner, dispose, runWithOwner, untrack } from './reactive.js';
import { insert } from './web-insert.js';

/**
 * @typedef {import('./reactive.js').Owner & { component: (props: any) => unknown, props: Record<string, any>,
 *   start: Comment, end: Comment }} ComponentOwner
 */

/**
 * Creates every component instance in place of a plain call when set. Production never sets it.
 * @type {((component: (props: any) => unknown, props: Record<string, any>) => unknown) | null}
 */
let componentHook = null;

/**
 * Route every component call through a hook, or back to plain calls with {@code null}.
 * @param {((component: (props: any) => unknown, props: Record<string, any>) => unknown) | null} hook
 */
export function setComponentHook(hook) {
	componentHook = hook;
}

/**
 * Run a component once, untracked, and return what it rendered: a node, an array, a function
 * (a binding), text... In development, a DocumentFragment bracketed by the instance's markers.
 * @template P
 * @param {(props: P) => unknown} component
 * @param {P} props
 * @returns {any}
 */
export function createComponent(component, props) {
	if (componentHook) {
		return componentHook(component, /** @type {Record<string, any>} */ (props));
	}
	return untrack(() => component(props));
}

/**
 * Mount a component in a new owner of the current owner (kind 'component'), with its DOM between
 * a start and an end comment named after it. The owner records the component, its props and the
 * two markers, and collects the signals the component creates in creation order. A component that
 * throws leaves nothing behind: its owner is disposed before the error propagates.
 * @param {(props: any) => unknown} component
 * @param {Record<string, any>} props
 * @param {(index: number, value: any) => any} [seed] the value each signal the component
 * creates starts with, from its creation index and initial value
 * @returns {[ComponentOwner, DocumentFragment | object]} the owner and the DOM, markers included; or,
 * for a component whose output is no DOM (Match, say, returns its condition for Switch to read), the
 * owner and that output as it is
 */
export function mountComponent(component, props, seed) {
	const name = component.name || 'component';
	const start = document.createComment(name);
	const end = document.createComment('/' + name);
	const owner = /** @type {ComponentOwner} */ (Object.assign(createOwner('component'),
			{ component, props, start, end }));
	const fragment = document.createDocumentFragment();
	fragment.append(start, end);
	owner.seed = seed;
	try {
		const output = untrack(() => runWithOwner(owner, () => component(props)));
		if (isPlainObject(output)) {
			return [owner, /** @type {object} */ (output)];
		}
		untrack(() => runWithOwner(owner, () => insert(fragment, output, end)));
	}
	catch (error) {
		dispose(owner);
		throw error;
	}
	finally {
		owner.seed = undefined;
	}
	return [owner, fragment];
}

/**
 * Whether a component's output is a plain value object rather than something to render.
 * @param {unknown} output
 */
function isPlainObject(output) {
	if (output === null || typeof output !== 'object' || Array.isArray(output) || output instanceof Node) {
		return false;
	}
	const prototype = Object.getPrototypeOf(output);
	return prototype === Object.prototype || prototype === null;
}

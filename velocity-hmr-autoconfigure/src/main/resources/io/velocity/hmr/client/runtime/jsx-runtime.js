// @ts-check
/**
 * Element creation for the Velocity runtime, in the shape of the automatic JSX runtime that the
 * compiler targets: {@code jsx(type, props, key)} where {@code props.children} is a single child
 * for {@code jsx} and an array for {@code jsxs}.
 *
 * There is no virtual DOM. Elements are created once; a function child or a function-valued prop
 * becomes an effect that updates exactly the text node, range or attribute it stands for.
 * Components run once through {@link createComponent}, which gives each instance an owner and
 * brackets its DOM between two comments so that the range can be found and replaced later.
 * Elements and their props are made in dom-element.js, children inserted by dom-insert.js.
 */

import { createElement } from './dom-element.js';
import { fragmentOf, insert } from './dom-insert.js';
import { createOwner, dispose, runWithOwner, untrack } from './reactive.js';

export { fragmentOf, insert } from './dom-insert.js';

/**
 * Group children without a wrapper element.
 * @param {{ children?: unknown }} props
 */
export function Fragment(props) {
	return props.children;
}

/**
 * @param {any} type a tag name, a component function or {@link Fragment}
 * @param {Record<string, any> | null} [props]
 * @param {unknown} [_key] ignored: lists are keyed by item identity in {@code For}
 * @returns {Node}
 */
export function jsx(type, props, _key) {
	const resolved = props ?? {};
	if (type === Fragment) {
		return fragmentOf(resolved.children);
	}
	if (typeof type === 'function') {
		return createComponent(type, resolved);
	}
	return createElement(type, resolved);
}

export { jsx as jsxs, jsx as jsxDEV };

/**
 * The classic JSX factory: {@code h('div', { class: 'x' }, 'a', count)}.
 * @param {any} type
 * @param {Record<string, any> | null} [props]
 * @param {...unknown} children
 * @returns {Node}
 */
export function h(type, props, ...children) {
	const resolved = { ...props };
	if (children.length > 0) {
		resolved.children = (children.length === 1) ? children[0] : children;
	}
	return jsx(type, resolved);
}

/**
 * @typedef {import('./reactive.js').Owner & { component: (props: any) => unknown, props: Record<string, any>,
 *   start: Comment, end: Comment }} ComponentOwner
 */

/**
 * Creates every component instance in place of {@link mountComponent} when set: the hot-swap
 * registry (hot-components.js) installs one in development. Production never sets it.
 * @type {((component: (props: any) => unknown, props: Record<string, any>) => DocumentFragment) | null}
 */
let componentHook = null;

/**
 * Route every component call through a hook, or back to plain mounting with {@code null}.
 * @param {((component: (props: any) => unknown, props: Record<string, any>) => DocumentFragment) | null} hook
 */
export function setComponentHook(hook) {
	componentHook = hook;
}

/**
 * Run a component once, untracked, in its own owner, and return its DOM between a start and an
 * end comment named after it. Every component call goes through here: the owner (kind
 * 'component') records the component, its props and the two markers, and collects the signals
 * the component creates in creation order.
 * @param {(props: any) => unknown} component
 * @param {Record<string, any>} props
 * @returns {DocumentFragment}
 */
export function createComponent(component, props) {
	return componentHook ? componentHook(component, props) : mountComponent(component, props)[1];
}

/**
 * Mount a component in a new owner of the current owner, as {@link createComponent} does. A
 * component that throws leaves nothing behind: its owner is disposed before the error propagates.
 * @param {(props: any) => unknown} component
 * @param {Record<string, any>} props
 * @param {(index: number, value: any) => any} [seed] the value each signal the component
 * creates starts with, from its creation index and initial value
 * @returns {[ComponentOwner, DocumentFragment]} the owner and the DOM, markers included
 */
export function mountComponent(component, props, seed) {
	const name = component.name || 'component';
	const start = document.createComment(name);
	const end = document.createComment('/' + name);
	const owner = /** @type {ComponentOwner} */ (Object.assign(createOwner('component'),
			{ component, props, start, end }));
	const fragment = document.createDocumentFragment();
	fragment.append(start);
	owner.seed = seed;
	try {
		untrack(() => runWithOwner(owner, () => insert(fragment, component(props))));
	}
	catch (error) {
		dispose(owner);
		throw error;
	}
	finally {
		owner.seed = undefined;
	}
	fragment.append(end);
	return [owner, fragment];
}

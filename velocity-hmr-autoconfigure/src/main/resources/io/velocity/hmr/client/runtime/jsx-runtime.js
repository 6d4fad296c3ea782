// @ts-check
/**
 * Element creation for the Velocity runtime, in the shape of the automatic JSX runtime that the
 * compiler targets: {@code jsx(type, props, key)} where {@code props.children} is a single child
 * for {@code jsx} and an array for {@code jsxs}.
 *
 * There is no virtual DOM. Elements are created once; a function child or a function-valued prop
 * becomes an effect that updates exactly the text node, range or attribute it stands for.
 * Components run once through createComponent (component.js), as compiled JSX's do, so that hot
 * swap finds them. Elements and their props are made in dom-element.js, children inserted by
 * dom-insert.js. Compiled JSX does not come here: it clones templates (web.js).
 */

import { createComponent } from './component.js';
import { createElement } from './dom-element.js';
import { fragmentOf } from './dom-insert.js';

export { fragmentOf, insert } from './dom-insert.js';
export { createComponent, mountComponent, setComponentHook } from './component.js';

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
		return fragmentOf(createComponent(type, resolved));
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

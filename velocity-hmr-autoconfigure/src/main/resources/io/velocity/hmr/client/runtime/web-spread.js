// @ts-check
/**
 * Spread props on an element, {@code <div {...props} class="x">}: every prop is applied as the
 * compiler would apply it if it were written out, and applied again (only those that changed)
 * whenever a prop read through a getter changes. The rules mirror the compiler's (JsxNames.java).
 */

import { addEventListener, DelegatedEvents } from './web-events.js';
import { className, classList, setAttribute, setAttributeNS, setBoolAttribute, style, use } from './web-dom.js';
import { insert } from './web-insert.js';
import { effect } from './reactive.js';

/** Props set as DOM properties on HTML elements, under their property name. */
const PROPERTIES = new Set(['value', 'checked', 'selected', 'muted', 'indeterminate', 'multiple', 'readOnly',
	'defaultValue', 'defaultChecked', 'innerHTML', 'textContent', 'innerText']);

/** Boolean attributes, present or absent. */
const BOOLEANS = new Set(['allowfullscreen', 'async', 'autofocus', 'autoplay', 'controls', 'default', 'disabled',
	'formnovalidate', 'hidden', 'inert', 'ismap', 'loop', 'nomodule', 'novalidate', 'open', 'playsinline',
	'readonly', 'required', 'reversed', 'seamless']);

/** @type {Record<string, string>} */
const NAMESPACES = { xlink: 'http://www.w3.org/1999/xlink', xml: 'http://www.w3.org/XML/1998/namespace' };

/**
 * Apply props to an element and keep them applied.
 * @param {Element} node
 * @param {Record<string, any>} props
 * @param {boolean} [isSVG]
 * @param {boolean} [skipChildren] whether the element's children are compiled (not in props)
 */
export function spread(node, props, isSVG = false, skipChildren = false) {
	if (!skipChildren && 'children' in props) {
		insert(node, () => props.children);
	}
	if (typeof props.ref === 'function') {
		use(props.ref, node);
	}
	/** @type {Record<string, any>} */
	const previous = {};
	/** @type {Record<string, () => void>} */
	const listeners = {};
	effect(() => {
		for (const name in props) {
			if (name === 'children' || name === 'ref') {
				continue;
			}
			const value = props[name];
			if (value !== previous[name]) {
				previous[name] = assign(node, name, value, previous[name], isSVG, listeners);
			}
		}
		for (const name in previous) {
			if (!(name in props) && previous[name] !== undefined) {
				previous[name] = assign(node, name, undefined, previous[name], isSVG, listeners);
			}
		}
	});
}

/**
 * Apply one prop.
 * @param {Element} node
 * @param {string} name
 * @param {any} value
 * @param {any} previous
 * @param {boolean} isSVG
 * @param {Record<string, () => void>} listeners removers of the listeners added so far, by prop
 * @returns {any} the value to compare with next time
 */
export function assign(node, name, value, previous, isSVG, listeners) {
	const colon = name.indexOf(':');
	const namespace = (colon > 0) ? name.slice(0, colon) : '';
	const local = (colon > 0) ? name.slice(colon + 1) : name;
	if (name === 'style') {
		return style(node, value, previous);
	}
	if (name === 'classList') {
		return classList(node, value, previous);
	}
	if (name === 'class' || name === 'className') {
		className(node, value);
	}
	else if (namespace === 'on' || namespace === 'oncapture') {
		listeners[name]?.();
		delete listeners[name];
		if (typeof value === 'function') {
			const options = { capture: namespace === 'oncapture' };
			node.addEventListener(local, value, options);
			listeners[name] = () => node.removeEventListener(local, value, options);
		}
	}
	else if (name.length > 2 && name.slice(0, 2).toLowerCase() === 'on' && !namespace) {
		const type = name.slice(2).toLowerCase();
		listeners[name]?.();
		delete listeners[name];
		const remove = addEventListener(node, type, value, DelegatedEvents.has(type));
		if (remove) {
			listeners[name] = remove;
		}
	}
	else if (namespace === 'prop') {
		/** @type {any} */ (node)[local] = value;
	}
	else if (namespace === 'attr') {
		if (!local.toLowerCase().startsWith('on')) {
			setAttribute(node, local, value);
		}
	}
	else if (namespace === 'use') {
		// Directives need the compiler: a spread cannot name one.
	}
	else if (NAMESPACES[namespace]) {
		setAttributeNS(node, NAMESPACES[namespace], name, value);
	}
	else if (!isSVG && PROPERTIES.has(name === 'readonly' ? 'readOnly' : name)) {
		/** @type {any} */ (node)[name === 'readonly' ? 'readOnly' : name] = value;
	}
	else if (!isSVG && BOOLEANS.has(name.toLowerCase())) {
		setBoolAttribute(node, name.toLowerCase(), value);
	}
	else {
		setAttribute(node, name === 'htmlFor' ? 'for' : name, value);
	}
	return value;
}

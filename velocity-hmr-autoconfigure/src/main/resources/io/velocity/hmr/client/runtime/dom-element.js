// @ts-check
/**
 * Element creation for the Velocity runtime: the namespace of a tag, and props applied as
 * attributes, DOM properties, styles or event listeners. A function-valued prop (other than an
 * event handler) is a binding: an effect that updates that one attribute, property or style.
 */

import { insert } from './dom-insert.js';
import { effect } from './reactive.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// JSX children are created before their parent, so an element cannot ask whether it sits inside an
// <svg>: tags that only exist in SVG get the SVG namespace. Tags shared with HTML ('a', 'title',
// 'style', 'script') stay HTML.
const SVG_TAGS = new Set(('svg g path circle ellipse line polyline polygon rect text tspan textPath defs use '
		+ 'symbol marker mask pattern clipPath linearGradient radialGradient stop filter foreignObject image '
		+ 'desc animate animateMotion animateTransform feBlend feColorMatrix feComposite feFlood '
		+ 'feGaussianBlur feMerge feMergeNode feOffset').split(' '));

// Props that only take effect as DOM properties (the attribute is only the initial value, or absent).
const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'muted', 'indeterminate', 'multiple',
	'readOnly', 'innerHTML', 'textContent', 'innerText', 'defaultValue', 'defaultChecked']);

/**
 * @param {string} type
 * @param {Record<string, any>} props
 * @returns {Element}
 */
export function createElement(type, props) {
	const element = SVG_TAGS.has(type) ? document.createElementNS(SVG_NS, type) : document.createElement(type);
	// Children first, so that a <select>'s value finds its options.
	insert(element, props.children);
	for (const name in props) {
		const value = props[name];
		if (name === 'children' || name === 'key' || name === 'ref') {
			continue;
		}
		if (name.length > 2 && name.startsWith('on') && typeof value === 'function') {
			element.addEventListener(name.slice(2).toLowerCase(), value);
		}
		else if (typeof value === 'function') {
			effect(() => setProp(element, name, value()));
		}
		else {
			setProp(element, name, value);
		}
	}
	if (typeof props.ref === 'function') {
		props.ref(element);
	}
	return element;
}

/**
 * @param {Element} element
 * @param {string} name
 * @param {any} value
 */
function setProp(element, name, value) {
	if (name === 'class' || name === 'className') {
		setAttribute(element, 'class', value);
	}
	else if (name === 'style') {
		setStyle(/** @type {HTMLElement} */ (element), value);
	}
	else if (PROPERTIES.has(name) && element instanceof HTMLElement) {
		/** @type {any} */ (element)[name] = value;
	}
	else {
		setAttribute(element, (name === 'htmlFor') ? 'for' : name, value);
	}
}

/**
 * @param {Element} element
 * @param {string} name
 * @param {any} value false, null and undefined remove the attribute, true sets it empty
 */
function setAttribute(element, name, value) {
	if (value == null || value === false) {
		element.removeAttribute(name);
	}
	else {
		element.setAttribute(name, (value === true) ? '' : String(value));
	}
}

/**
 * @param {HTMLElement} element
 * @param {string | Record<string, any> | null | undefined} value a string, or an object whose keys
 * are camelCase or kebab-case properties and whose values may be functions
 */
function setStyle(element, value) {
	if (value == null || typeof value !== 'object') {
		setAttribute(element, 'style', value);
		return;
	}
	// Start over, since a binding that returns an object must not keep properties it no longer sets.
	element.style.cssText = '';
	for (const [key, item] of Object.entries(value)) {
		const property = key.startsWith('--') ? key : key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
		if (typeof item === 'function') {
			effect(() => setStyleProperty(element, property, item()));
		}
		else {
			setStyleProperty(element, property, item);
		}
	}
}

/**
 * @param {HTMLElement} element
 * @param {string} property
 * @param {any} value
 */
function setStyleProperty(element, property, value) {
	if (value == null || value === false) {
		element.style.removeProperty(property);
	}
	else {
		element.style.setProperty(property, String(value));
	}
}

// @ts-check
/**
 * The DOM helpers that compiled JSX calls: templates cloned per instance, and the setters of
 * attributes, classes, styles and properties, each of them cheap enough to run in an effect on
 * every change. What is static in the JSX is already in the template's HTML; these only handle
 * the dynamic parts (see docs/jsx.md).
 */

import { computed, effect as reactiveEffect, read, untrack } from './reactive.js';

/**
 * Return a function that clones the DOM of some HTML, parsed once, on first use.
 * @param {string} html one root element (with its subtree), as the compiler writes it
 * @param {boolean} [isSVG] whether html is wrapped in an {@code <svg>} whose first child is the root
 * @returns {() => Node}
 */
export function template(html, isSVG) {
	/** @type {Node | null} */
	let node = null;
	const create = () => {
		const element = document.createElement('template');
		element.innerHTML = html;
		const content = /** @type {Node} */ (element.content.firstChild);
		return isSVG ? /** @type {Node} */ (content.firstChild) : content;
	};
	return () => (node ??= create()).cloneNode(true);
}

/**
 * Run fn now and whenever what it reads changes, passing what it returned last time (init the
 * first time): the effect behind the dynamic attributes of a compiled template. Compiled code
 * passes no init (a default parameter does that job), so that no closure wraps fn.
 * @template T
 * @param {(previous: T) => T} fn
 * @param {T} [init]
 */
export function effect(fn, init) {
	reactiveEffect((init === undefined) ? fn
		: (previous) => fn(previous === undefined ? /** @type {T} */ (init) : previous));
}

/**
 * A derived value that notifies only when it changes: the condition of {@code a() ? <A/> : <B/>},
 * so that the branch is created again only when the condition flips.
 * @template T
 * @param {() => T} fn
 * @returns {() => T}
 */
export function memo(fn) {
	const node = computed(fn, Object.is);
	return () => read(node);
}

/**
 * Set an attribute; null and undefined remove it. Other values are written as strings, so
 * {@code aria-expanded={false}} says "false", as Solid does.
 * @param {Element} node
 * @param {string} name
 * @param {unknown} value
 */
export function setAttribute(node, name, value) {
	if (value == null) {
		node.removeAttribute(name);
	}
	else {
		node.setAttribute(name, String(value));
	}
}

/**
 * @param {Element} node
 * @param {string} namespace
 * @param {string} name
 * @param {unknown} value
 */
export function setAttributeNS(node, namespace, name, value) {
	if (value == null) {
		node.removeAttributeNS(namespace, name.slice(name.indexOf(':') + 1));
	}
	else {
		node.setAttributeNS(namespace, name, String(value));
	}
}

/**
 * A boolean attribute, present or not.
 * @param {Element} node
 * @param {string} name
 * @param {unknown} value
 */
export function setBoolAttribute(node, name, value) {
	value ? node.setAttribute(name, '') : node.removeAttribute(name);
}

/**
 * @param {Element} node
 * @param {unknown} value
 */
export function className(node, value) {
	if (value == null) {
		node.removeAttribute('class');
	}
	else if (node instanceof HTMLElement) {
		node.className = String(value);
	}
	else {
		node.setAttribute('class', String(value));
	}
}

/**
 * Toggle the classes named by the keys of value after the truth of their values; a key may name
 * several classes separated by spaces. Classes the previous value had and this one has not go.
 * @param {Element} node
 * @param {Record<string, unknown> | null | undefined} value
 * @param {Record<string, boolean>} [previous]
 * @returns {Record<string, boolean>} what to pass as previous next time
 */
export function classList(node, value, previous = {}) {
	const next = value ?? {};
	for (const key in previous) {
		if (!next[key]) {
			toggleClasses(node, key, false);
			delete previous[key];
		}
	}
	for (const key in next) {
		const on = !!next[key];
		if (on && !previous[key]) {
			toggleClasses(node, key, true);
			previous[key] = true;
		}
	}
	return previous;
}

/**
 * @param {Element} node
 * @param {string} key
 * @param {boolean} on
 */
function toggleClasses(node, key, on) {
	for (const name of key.trim().split(/\s+/)) {
		if (name) {
			node.classList.toggle(name, on);
		}
	}
}

/**
 * Set inline style from a string, or from an object of properties (kebab-case as in CSS, or
 * camelCase), changing only the properties that differ from the previous object.
 * @param {Element} node
 * @param {string | Record<string, unknown> | null | undefined} value
 * @param {Record<string, unknown> | string} [previous]
 * @returns {Record<string, unknown> | string | undefined} what to pass as previous next time
 */
export function style(node, value, previous) {
	const css = /** @type {ElementCSSInlineStyle} */ (/** @type {unknown} */ (node)).style;
	if (value == null || typeof value !== 'object') {
		if (value == null) {
			node.removeAttribute('style');
		}
		else if (value !== previous) {
			css.cssText = String(value);
		}
		return value ?? undefined;
	}
	const before = (previous && typeof previous === 'object') ? previous : {};
	if (typeof previous === 'string') {
		css.cssText = '';
	}
	for (const key in before) {
		if (value[key] == null) {
			css.removeProperty(cssName(key));
		}
	}
	/** @type {Record<string, unknown>} */
	const next = {};
	for (const key in value) {
		const item = value[key];
		next[key] = item;
		if (item !== before[key]) {
			item == null ? css.removeProperty(cssName(key)) : css.setProperty(cssName(key), String(item));
		}
	}
	return next;
}

/**
 * @param {string} key
 * @returns {string}
 */
function cssName(key) {
	return (key.startsWith('--') || !/[A-Z]/.test(key)) ? key : key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/**
 * Apply a directive, {@code use:name={value}}: name(element, () => value), untracked.
 * @param {(element: Element, accessor: () => any) => unknown} directive
 * @param {Element} node
 * @param {() => any} [accessor]
 */
export function use(directive, node, accessor) {
	return untrack(() => directive(node, accessor ?? (() => true)));
}

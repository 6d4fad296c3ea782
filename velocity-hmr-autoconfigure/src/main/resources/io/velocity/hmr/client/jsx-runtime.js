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
 */

import { createOwner, dispose, effect, runWithOwner, untrack } from './reactive.js';

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

/**
 * @param {unknown} children
 * @returns {DocumentFragment}
 */
export function fragmentOf(children) {
	const fragment = document.createDocumentFragment();
	insert(fragment, children);
	return fragment;
}

/**
 * Insert a child before {@code before}: nothing for null, undefined and booleans, a text node for
 * other primitives, nodes as they are, arrays flattened, and a live range for a function.
 * @param {Node} parent
 * @param {unknown} child
 * @param {Node | null} [before]
 */
export function insert(parent, child, before = null) {
	if (child == null || typeof child === 'boolean') {
		return;
	}
	if (Array.isArray(child)) {
		for (const item of child) {
			insert(parent, item, before);
		}
	}
	else if (typeof child === 'function') {
		insertDynamic(parent, /** @type {() => unknown} */ (child), before);
	}
	else if (child instanceof Node) {
		parent.insertBefore(child, before);
	}
	else {
		parent.insertBefore(document.createTextNode(String(child)), before);
	}
}

/**
 * Keep the range between two comments in step with fn: a primitive result updates one text node in
 * place (the same Text object for the whole life of the range), anything else replaces the range.
 * @param {Node} parent
 * @param {() => unknown} fn
 * @param {Node | null} before
 */
function insertDynamic(parent, fn, before) {
	const start = document.createComment('');
	const end = document.createComment('');
	parent.insertBefore(start, before);
	parent.insertBefore(end, before);
	/** @type {Text | null} */
	let text = null;
	effect(() => {
		const value = fn();
		if (value == null || (typeof value !== 'object' && typeof value !== 'function')) {
			const data = (value == null || typeof value === 'boolean') ? '' : String(value);
			if (text) {
				if (text.data !== data) {
					text.data = data;
				}
				return;
			}
			clearBetween(start, end);
			text = document.createTextNode(data);
			end.parentNode?.insertBefore(text, end);
			return;
		}
		clearBetween(start, end);
		text = null;
		end.parentNode?.insertBefore(fragmentOf(value), end);
	});
}

/**
 * @param {Node} start
 * @param {Node} end
 */
function clearBetween(start, end) {
	while (start.nextSibling && start.nextSibling !== end) {
		start.nextSibling.remove();
	}
}

/**
 * @param {string} type
 * @param {Record<string, any>} props
 * @returns {Element}
 */
function createElement(type, props) {
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

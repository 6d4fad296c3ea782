// @ts-check
/**
 * Mounting: {@link render} into a container, {@link Portal} elsewhere in the document, and
 * {@link Dynamic} for a component or tag chosen at run time.
 */

import { computed, effect, onCleanup, read, root, untrack } from './reactive.js';
import { createComponent } from './component.js';
import { removeRange } from './dom-range.js';
import { insert } from './web-insert.js';
import { spread } from './web-spread.js';
import { splitProps } from './runtime.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Render a component (or any function returning JSX, as in Solid's {@code render(() => <App />, el)})
 * into a container, after any children it already has.
 * @param {(props: any) => unknown} code
 * @param {Element | DocumentFragment} container
 * @returns {() => void} a function that disposes every effect and removes the rendered nodes
 */
export function render(code, container) {
	return root((disposeRoot) => {
		// Two empty markers bracket what is rendered, whatever it becomes later.
		const start = document.createTextNode('');
		const end = document.createTextNode('');
		container.append(start, end);
		insert(container, createComponent(code, {}), end);
		return () => {
			disposeRoot();
			removeRange(start, end);
		};
	});
}

/**
 * Render children into another part of the document ({@code mount}, document.body by default),
 * inside a {@code <div>} that goes when the portal is disposed. Delegated events bubble from the
 * portal's content to the place where the Portal is written.
 * @param {{ mount?: Node, useShadow?: boolean, isSVG?: boolean, ref?: (element: Element) => void,
 *   children?: unknown }} props
 * @returns {Text} the marker left where the Portal is written
 */
export function Portal(props) {
	const marker = document.createTextNode('');
	effect(() => {
		const mount = props.mount ?? document.body;
		const container = props.isSVG ? document.createElementNS(SVG_NS, 'g') : document.createElement('div');
		Object.defineProperty(container, '_$host', { configurable: true, get: () => marker.parentNode });
		const host = (props.useShadow && container instanceof HTMLElement) ? container.attachShadow({ mode: 'open' })
			: container;
		untrack(() => insert(host, props.children));
		mount.appendChild(container);
		props.ref?.(container);
		onCleanup(() => container.remove());
	});
	return marker;
}

/**
 * Render the component or element named by {@code component}, with the other props; a new one
 * whenever {@code component} changes.
 * @param {{ component: unknown } & Record<string, any>} props
 * @returns {() => unknown}
 */
export function Dynamic(props) {
	const [local, others] = splitProps(props, ['component']);
	const component = computed(() => local.component, Object.is);
	return () => {
		const value = read(component);
		if (typeof value === 'function') {
			return untrack(() => createComponent(/** @type {(props: any) => unknown} */ (value), others));
		}
		if (typeof value === 'string') {
			return untrack(() => {
				const isSVG = SVG_TAGS.has(value);
				const element = isSVG ? document.createElementNS(SVG_NS, value) : document.createElement(value);
				spread(element, others, isSVG);
				return element;
			});
		}
		return undefined;
	};
}

const SVG_TAGS = new Set(['svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'text',
	'tspan', 'defs', 'use', 'symbol', 'marker', 'mask', 'pattern', 'clipPath', 'linearGradient', 'radialGradient',
	'stop', 'filter', 'foreignObject', 'image']);

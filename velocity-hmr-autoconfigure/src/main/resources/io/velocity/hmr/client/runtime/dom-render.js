// @ts-check
/**
 * Rendering a component into a container: the web layer's entry point, moved here unchanged from
 * runtime.js so that runtime.js only re-exports.
 */

import { removeRange } from './dom-range.js';
import { createComponent } from './jsx-runtime.js';
import { root } from './reactive.js';

/**
 * Render a component into a container, after any children it already has. Effects created while
 * rendering run once the nodes are in the container.
 * @param {(props: any) => unknown} component
 * @param {Node} container
 * @returns {() => void} a function that disposes every effect and removes the rendered nodes
 */
export function render(component, container) {
	return root((disposeRoot) => {
		const fragment = createComponent(component, {});
		const first = /** @type {Node} */ (fragment.firstChild);
		const last = /** @type {Node} */ (fragment.lastChild);
		container.appendChild(fragment);
		return () => {
			disposeRoot();
			removeRange(first, last);
		};
	});
}

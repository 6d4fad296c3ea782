// @ts-check
/**
 * lazy: a component whose module is imported on first render, read as a resource so that a
 * Suspense boundary above shows its fallback meanwhile. The loaded component is created through
 * the web layer's createComponent, like any other, so that hot swap knows its instances.
 */

import { createComponent } from './jsx-runtime.js';
import { memo, read, untrack } from './reactive.js';
import { createResource } from './resource.js';

/**
 * @template {(props: any) => any} C
 * @param {() => Promise<{ default: C }>} fn usually {@code () => import('./Page')}
 * @returns {C & { preload: () => Promise<{ default: C }> }}
 */
export function lazy(fn) {
	/** @type {C | undefined} */
	let loaded;
	/** @type {Promise<{ default: C }> | undefined} */
	let loading;
	const load = () => {
		if (!loading) {
			const attempt = loading = fn();
			attempt.then((module) => {
				loaded = module.default;
			}, () => {
				// A failed import may be retried by the next render.
				if (loading === attempt) {
					loading = undefined;
				}
			});
		}
		return loading;
	};
	/** @param {any} props */
	const wrapper = (props) => {
		/** @type {() => C | undefined} */
		let component;
		if (loaded) {
			const known = loaded;
			component = () => known;
		}
		else {
			[component] = createResource(() => load().then((module) => module.default));
		}
		const output = memo(() => {
			const Component = component();
			return Component ? untrack(() => createComponent(Component, props)) : '';
		});
		return () => read(output);
	};
	return /** @type {C & { preload: () => Promise<{ default: C }> }} */ (Object.assign(wrapper, { preload: load }));
}

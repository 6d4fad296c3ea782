// @ts-check
// The error overlay: a shadow-DOM custom element that shows compile problems and runtime errors
// over the page. Compiler output and error messages are untrusted, so every text goes in through
// textContent and nothing through innerHTML. This module is the overlay's API and settings; the
// element is in overlay-element.js, the text it shows is made in overlay-text.js.
import { ErrorOverlay } from './overlay-element.js';

export { registerModuleSource } from './source-map.js';

/**
 * @typedef {{ kind: 'compile', message: string, file: string, line?: number, column?: number, frame?: string }} CompilePayload
 * @typedef {{ kind: 'runtime' | 'update', error: unknown, file?: string }} ErrorPayload
 * @typedef {CompilePayload | ErrorPayload} OverlayPayload
 */

const TAG = 'velocity-error-overlay';

/** @type {{ enabled: boolean, nonce: string | undefined }} */
const options = { enabled: true, nonce: undefined };

/**
 * Configure the overlay.
 * @param {{ enabled?: boolean, nonce?: string }} settings enabled: false turns showError into a
 * no-op (velocity.hmr.overlay=false); nonce is the page's CSP nonce, used only where constructable
 * stylesheets are not supported
 */
export function setOverlayOptions(settings) {
	if (settings.enabled !== undefined) {
		options.enabled = Boolean(settings.enabled);
	}
	if (settings.nonce !== undefined) {
		options.nonce = settings.nonce || undefined;
	}
	if (!options.enabled) {
		clearOverlay();
	}
}

/** @type {OverlayPayload['kind'] | undefined} what the overlay shown shows */
let shownKind;

/**
 * Show an error over the page, replacing any error shown.
 * @param {OverlayPayload} payload
 */
export function showError(payload) {
	if (!options.enabled || typeof document === 'undefined') {
		return;
	}
	clearOverlay();
	const overlay = /** @type {ErrorOverlay} */ (document.createElement(defineElement()));
	// Not in body: a page may replace its body, and the overlay must outlive that.
	document.documentElement.appendChild(overlay);
	overlay.show(payload, options.nonce);
	shownKind = payload.kind;
}

/**
 * Remove the overlay, if one is shown.
 */
export function clearOverlay() {
	if (typeof document !== 'undefined') {
		document.querySelectorAll(TAG).forEach((overlay) => overlay.remove());
	}
}

/**
 * @returns {boolean} whether the overlay shows a compile problem, which says more than any other
 * error about a page that could not load
 */
export function showsCompileProblem() {
	return hasOverlay() && shownKind === 'compile';
}

/**
 * @returns {boolean} whether an overlay is shown
 */
export function hasOverlay() {
	return typeof document !== 'undefined' && document.querySelector(TAG) !== null;
}

function defineElement() {
	if (!customElements.get(TAG)) {
		customElements.define(TAG, ErrorOverlay);
	}
	return TAG;
}

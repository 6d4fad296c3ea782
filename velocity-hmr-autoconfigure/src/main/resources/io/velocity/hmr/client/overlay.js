// The error overlay: a shadow-DOM custom element that shows compile problems and runtime errors
// over the page. Compiler output and error messages are untrusted, so every text goes in through
// textContent and nothing through innerHTML.

import { originalPosition, parseStack } from './source-map.js';
import { OVERLAY_CSS } from './overlay-style.js';

export { registerModuleSource, unregisterModuleSource } from './source-map.js';

/**
 * @typedef {{ kind: 'compile', message: string, file: string, line?: number, column?: number, frame?: string }} CompilePayload
 * @typedef {{ kind: 'runtime' | 'update', error: unknown, file?: string }} ErrorPayload
 * @typedef {CompilePayload | ErrorPayload} OverlayPayload
 * @typedef {import('./source-map.js').StackFrame} StackFrame
 */

const TAG = 'velocity-error-overlay';

const TITLES = { compile: 'Compile error', runtime: 'Runtime error', update: 'Failed to apply update' };

const HINT = 'Click outside or press Esc to close. Fix the code and save: the page updates by itself.';

// Lines shown above and below the failing line in a frame built from a source map.
const CONTEXT_LINES = 2;

/** @type {{ enabled: boolean, nonce: string | undefined }} */
const options = { enabled: true, nonce: undefined };

/** @type {CSSStyleSheet | null} */
let sharedSheet = null;

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
	overlay.show(payload);
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

class ErrorOverlay extends HTMLElement {

	constructor() {
		super();
		this.root = this.attachShadow({ mode: 'open' });
		this.onKeyDown = (/** @type {KeyboardEvent} */ event) => {
			if (event.key === 'Escape') {
				this.remove();
			}
		};
	}

	connectedCallback() {
		document.addEventListener('keydown', this.onKeyDown);
	}

	disconnectedCallback() {
		document.removeEventListener('keydown', this.onKeyDown);
	}

	/**
	 * @param {OverlayPayload} payload
	 */
	show(payload) {
		const backdrop = element('div', 'backdrop');
		const dialog = append(backdrop, 'div', 'dialog');
		dialog.setAttribute('role', 'dialog');
		dialog.setAttribute('aria-modal', 'true');
		dialog.setAttribute('aria-labelledby', 'title');
		const title = append(dialog, 'h2', 'title', TITLES[payload.kind] || 'Error');
		title.id = 'title';
		append(dialog, 'pre', 'message', payload.kind === 'compile' ? payload.message : describe(payload.error));
		this.locationLine = append(dialog, 'p', 'location');
		this.frameBlock = append(dialog, 'pre', 'frame');
		this.stackBlock = append(dialog, 'pre', 'stack');
		// Empty until filled, which for a frame from a source map takes a fetch.
		this.locationLine.hidden = this.frameBlock.hidden = this.stackBlock.hidden = true;
		append(dialog, 'p', 'hint', HINT);
		closeOnBackdropClick(backdrop, () => this.remove());
		this.root.replaceChildren(...styles(this.root), backdrop);
		if (payload.kind === 'compile') {
			const place = payload.line ? `${payload.file}:${payload.line}:${payload.column || 1}` : payload.file;
			this.setLocation(place);
			this.setFrame(payload.frame || '');
			return;
		}
		this.setLocation(payload.file || '');
		this.showStack(parseStack(stackOf(payload.error)), !payload.file);
	}

	/**
	 * @param {string} place
	 */
	setLocation(place) {
		this.locationLine.textContent = place;
		this.locationLine.title = place ? `${place} (select to copy)` : '';
		this.locationLine.hidden = !place;
	}

	/**
	 * @param {string} frame
	 */
	setFrame(frame) {
		this.frameBlock.textContent = frame;
		this.frameBlock.hidden = !frame;
	}

	/**
	 * Render the frames as the browser wrote them, then replace each with its original position
	 * once the source maps are read, which needs a fetch per module.
	 * @param {StackFrame[]} frames
	 * @param {boolean} locate whether the first mapped frame also names the location
	 */
	async showStack(frames, locate) {
		const lines = frames.map((frame) => append(this.stackBlock, 'div', 'stack-frame', frame.text));
		this.stackBlock.hidden = frames.length === 0;
		const positions = await Promise.all(frames.map((frame) =>
			originalPosition(frame.url, frame.line, frame.column).catch(() => null)));
		let located = !locate;
		positions.forEach((position, i) => {
			if (!position) {
				return;
			}
			const place = `${position.source}:${position.line}:${position.column}`;
			lines[i].textContent = frames[i].name ? `at ${frames[i].name} (${place})` : `at ${place}`;
			lines[i].title = frames[i].text;
			// The runtime's own modules have no maps, so the first mapped frame is the user's code.
			if (!located) {
				located = true;
				this.setLocation(place);
				if (position.content !== null) {
					this.setFrame(codeFrame(position.content, position.line, position.column));
				}
			}
		});
	}

}

/**
 * Adopt the shared constructable style sheet, which a Content Security Policy does not govern, or
 * where that is not supported return a style element carrying the page's nonce.
 * @param {ShadowRoot} root
 * @returns {HTMLStyleElement[]} the nodes to put in the root
 */
function styles(root) {
	if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
		if (!sharedSheet) {
			sharedSheet = new CSSStyleSheet();
			sharedSheet.replaceSync(OVERLAY_CSS);
		}
		root.adoptedStyleSheets = [sharedSheet];
		return [];
	}
	const style = document.createElement('style');
	if (options.nonce) {
		style.setAttribute('nonce', options.nonce);
	}
	style.textContent = OVERLAY_CSS;
	return [style];
}

/**
 * Close on a click that both starts and ends on the backdrop: selecting text in the dialog and
 * releasing the mouse outside it must not close it.
 * @param {HTMLElement} backdrop
 * @param {() => void} close
 */
function closeOnBackdropClick(backdrop, close) {
	let pressedOnBackdrop = false;
	backdrop.addEventListener('pointerdown', (event) => {
		pressedOnBackdrop = event.target === backdrop;
	});
	backdrop.addEventListener('click', (event) => {
		if (event.target === backdrop && pressedOnBackdrop) {
			close();
		}
	});
}

/**
 * @param {unknown} error
 * @returns {string}
 */
function describe(error) {
	if (error instanceof Error) {
		return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
	}
	try {
		return String(error);
	}
	catch {
		return 'Unknown error';
	}
}

/**
 * @param {unknown} error
 * @returns {string}
 */
function stackOf(error) {
	const stack = error instanceof Error ? error.stack : undefined;
	return typeof stack === 'string' ? stack : '';
}

/**
 * Render the lines around a position with a caret under its column, as the compile service does.
 * @param {string} content the source text
 * @param {number} line 1-based
 * @param {number} column 1-based, in UTF-16 units as source maps count
 * @returns {string}
 */
export function codeFrame(content, line, column) {
	const lines = content.split(/\r?\n/);
	if (line < 1 || line > lines.length) {
		return '';
	}
	const first = Math.max(1, line - CONTEXT_LINES);
	const last = Math.min(lines.length, line + CONTEXT_LINES);
	const width = String(last).length;
	let frame = '';
	for (let number = first; number <= last; number++) {
		const text = lines[number - 1];
		frame += `${number === line ? '> ' : '  '}${String(number).padStart(width)} | ${text}\n`;
		if (number === line) {
			// Keep tabs so the caret lines up however wide the tabs are drawn.
			const indent = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
			frame += `  ${' '.repeat(width)} | ${indent}^\n`;
		}
	}
	return frame;
}

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function element(tag, className, text) {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}

/**
 * @param {HTMLElement} parent
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function append(parent, tag, className, text) {
	return parent.appendChild(element(tag, className, text));
}

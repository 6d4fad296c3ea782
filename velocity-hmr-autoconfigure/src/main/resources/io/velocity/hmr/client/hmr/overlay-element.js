// @ts-check
// The custom element of the error overlay (see overlay.js): its dialog, filled through textContent
// only, its style sheet, and how it closes (Escape, a click on the backdrop). A runtime error's stack
// is shown as the browser wrote it, then mapped back to the original sources.

import { originalPosition, parseStack } from './source-map.js';
import { OVERLAY_CSS } from './overlay-style.js';
import { codeFrame, describe, stackOf } from './overlay-text.js';

/**
 * @typedef {import('./overlay.js').OverlayPayload} OverlayPayload
 * @typedef {import('./source-map.js').StackFrame} StackFrame
 */

const TITLES = { compile: 'Compile error', runtime: 'Runtime error', update: 'Failed to apply update' };

const HINT = 'Click outside or press Esc to close. Fix the code and save: the page updates by itself.';

/** @type {CSSStyleSheet | null} */
let sharedSheet = null;

export class ErrorOverlay extends HTMLElement {

	constructor() {
		super();
		this.root = this.attachShadow({ mode: 'open' });
		// Placed in the dialog by show(), which is called once, right after the element is created.
		this.locationLine = element('p', 'location');
		this.frameBlock = element('pre', 'frame');
		this.stackBlock = element('pre', 'stack');
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
	 * @param {string | undefined} nonce the page's CSP nonce, for a style element
	 */
	show(payload, nonce) {
		const backdrop = element('div', 'backdrop');
		const dialog = append(backdrop, 'div', 'dialog');
		dialog.setAttribute('role', 'dialog');
		dialog.setAttribute('aria-modal', 'true');
		dialog.setAttribute('aria-labelledby', 'title');
		const title = append(dialog, 'h2', 'title', TITLES[payload.kind] || 'Error');
		title.id = 'title';
		append(dialog, 'pre', 'message', payload.kind === 'compile' ? payload.message : describe(payload.error));
		dialog.append(this.locationLine, this.frameBlock, this.stackBlock);
		// Empty until filled, which for a frame from a source map takes a fetch.
		this.locationLine.hidden = this.frameBlock.hidden = this.stackBlock.hidden = true;
		append(dialog, 'p', 'hint', HINT);
		closeOnBackdropClick(backdrop, () => this.remove());
		this.root.replaceChildren(...styles(this.root, nonce), backdrop);
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
 * @param {string | undefined} nonce the page's CSP nonce
 * @returns {HTMLStyleElement[]} the nodes to put in the root
 */
function styles(root, nonce) {
	if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
		if (!sharedSheet) {
			sharedSheet = new CSSStyleSheet();
			sharedSheet.replaceSync(OVERLAY_CSS);
		}
		root.adoptedStyleSheets = [sharedSheet];
		return [];
	}
	const style = document.createElement('style');
	if (nonce) {
		style.setAttribute('nonce', nonce);
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

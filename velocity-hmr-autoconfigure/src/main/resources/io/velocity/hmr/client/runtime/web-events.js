// @ts-check
/**
 * Event handlers of compiled JSX. The common events (click, input, keydown...) are delegated:
 * the handler is stored on the element as {@code $$click} (with {@code $$clickData} for
 * {@code onClick={[handler, data]}}), and one listener per event type on the document walks up
 * from the target and calls them. A thousand rows with two handlers each cost no listener at all.
 * Other events get a listener on the element. A value that is not a function is ignored: an
 * {@code on*} value never becomes an attribute, which the browser would run as code.
 */

/** The events the compiler delegates; the list is the same in JsxNames.java. */
export const DelegatedEvents = new Set(['beforeinput', 'click', 'dblclick', 'contextmenu', 'focusin', 'focusout',
	'input', 'keydown', 'keyup', 'mousedown', 'mousemove', 'mouseout', 'mouseover', 'mouseup', 'pointerdown',
	'pointermove', 'pointerout', 'pointerover', 'pointerup', 'touchend', 'touchmove', 'touchstart']);

const REGISTERED = Symbol.for('velocity.delegatedEvents');

/**
 * Listen once on the document for each of these event types.
 * @param {string[]} names
 * @param {Document} [doc]
 */
export function delegateEvents(names, doc = globalThis.document) {
	const holder = /** @type {any} */ (doc);
	/** @type {Set<string>} */
	const registered = holder[REGISTERED] ??= new Set();
	for (const name of names) {
		if (!registered.has(name)) {
			registered.add(name);
			doc.addEventListener(name, dispatch);
		}
	}
}

/**
 * Stop listening on the document for the delegated events.
 * @param {Document} [doc]
 */
export function clearDelegatedEvents(doc = globalThis.document) {
	const holder = /** @type {any} */ (doc);
	for (const name of holder[REGISTERED] ?? []) {
		doc.removeEventListener(name, dispatch);
	}
	delete holder[REGISTERED];
}

/**
 * Handle an event: delegated when asked (and the type is delegated), otherwise with a listener.
 * An array value is {@code [handler, data]}: the handler is called with data, then the event.
 * @param {Element} node
 * @param {string} name the event type
 * @param {unknown} handler
 * @param {boolean} [delegate]
 * @param {boolean} [capture] whether the listener is for the capture phase ({@code oncapture:name})
 * @returns {(() => void) | undefined} a function that removes the listener, if one was added
 */
export function addEventListener(node, name, handler, delegate, capture = false) {
	const target = /** @type {any} */ (node);
	if (delegate) {
		if (Array.isArray(handler) && typeof handler[0] === 'function') {
			target['$$' + name] = handler[0];
			target['$$' + name + 'Data'] = handler[1];
		}
		else if (typeof handler === 'function' || handler == null) {
			target['$$' + name] = handler;
		}
		// Anything else (a string of code, say) is ignored: it must neither run nor replace the
		// handler another prop set for the same event.
		// Not node.ownerDocument: a fresh clone of a template belongs to the template's inert document.
		delegateEvents([name]);
		return undefined;
	}
	/** @type {EventListener} */
	let listener;
	if (Array.isArray(handler) && typeof handler[0] === 'function') {
		const [fn, data] = handler;
		listener = (event) => fn.call(node, data, event);
	}
	else if (typeof handler === 'function') {
		listener = /** @type {EventListener} */ (handler);
	}
	else {
		return undefined;
	}
	node.addEventListener(name, listener, capture);
	return () => node.removeEventListener(name, listener, capture);
}

/**
 * The document listener of delegated events: calls the {@code $$type} handler of the target and of
 * each ancestor, with currentTarget set to that node, until one stops propagation.
 * @param {Event} event
 */
function dispatch(event) {
	const key = '$$' + event.type;
	const dataKey = key + 'Data';
	/** @type {any} */
	let node = event.composedPath()[0] ?? event.target;
	Object.defineProperty(event, 'currentTarget', { configurable: true, get: () => node ?? document });
	while (node) {
		const handler = node[key];
		if (typeof handler === 'function' && !node.disabled) {
			const data = node[dataKey];
			data !== undefined ? handler.call(node, data, event) : handler.call(node, event);
			if (event.cancelBubble) {
				return;
			}
		}
		// A portal's container is hosted by the node its marker sits in.
		node = node._$host ?? node.parentNode ?? node.host;
	}
}

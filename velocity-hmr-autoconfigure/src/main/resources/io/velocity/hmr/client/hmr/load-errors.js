// @ts-check
/**
 * Whether the page's own modules loaded. A module script that cannot be fetched (a compile
 * problem served as 500, a missing file), an import of a name a module does not export (the
 * browser refuses to link the graph) or a throw at the top level leaves the page blank: these are
 * shown in the overlay with where they happened, and the HMR client reloads such a page on the
 * next update, since no hot update can bring up modules that never ran.
 */

import { showError, showsCompileProblem } from './overlay.js';

let failed = false;
let loading = true;

/**
 * Start watching the page's initial load; errors after it are the application's own business.
 */
export function watchPageLoad() {
	// Capture: a script element's error event does not bubble.
	addEventListener('error', onError, true);
	addEventListener('velocity:error', () => failed ||= loading);
	const done = () => setTimeout(() => loading = false);
	if (document.readyState === 'complete') {
		done();
	}
	else {
		addEventListener('load', done, { once: true });
	}
}

/** @returns {boolean} whether the page's modules failed to load or to run */
export function pageFailedToLoad() {
	return failed;
}

/** @param {Event} event */
function onError(event) {
	const target = event.target;
	if (target instanceof HTMLScriptElement) {
		if (target.type === 'module') {
			failed = true;
			if (showsCompileProblem()) {
				// The server's problem arrived first (it is sent when the socket opens, and a
				// bundled page's module scripts take longer to fail): it names the file and
				// line, where this error could only name the script.
				return;
			}
			showError({ kind: 'runtime', file: target.src, error: new Error(`The module script ${target.src} `
				+ 'could not be loaded: the server answered with an error for it or for a module it imports.') });
		}
		return;
	}
	if (loading && event instanceof ErrorEvent) {
		failed = true;
		showError({ kind: 'runtime', error: located(event) });
	}
}

/**
 * The event's error with a stack frame at the place the browser reports, which a link error (a
 * missing export) lacks: the overlay maps it to the original source.
 * @param {ErrorEvent} event
 */
function located(event) {
	const error = (event.error instanceof Error) ? event.error : new Error(event.message);
	if (event.filename && !error.stack?.includes(event.filename)) {
		error.stack = `${error.name}: ${error.message}\n    at ${event.filename}:${event.lineno}:${event.colno}`;
	}
	return error;
}

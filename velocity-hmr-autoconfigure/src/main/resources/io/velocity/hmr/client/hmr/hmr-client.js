// @ts-check
/**
 * The Velocity HMR client. The page loads it with a script tag and every compiled module imports
 * createHotContext from it, so one instance (one URL, no query) holds the socket and the hot state.
 * It connects to the server's socket, applies the messages it receives one at a time and in the
 * order sent, and reconnects (or reloads, when the server restarted) after losing the connection.
 */

import { updateStyleSheet } from './css-updater.js';
import { HmrClient } from './hmr.js';
import { beginModule, endModule, forgetModule } from './hot-modules.js';
import { pageFailedToLoad, watchPageLoad } from './load-errors.js';
import { clearOverlay, setOverlayOptions, showError } from './overlay.js';
import { PageReloader } from './page-reloader.js';

/**
 * Replaced by the server when it serves this file.
 * @type {{ token: string, instanceId: string, path: string, host: string | null, port: number | null, overlay: boolean, debug?: boolean }}
 */
// @ts-ignore
const config = __VELOCITY_HMR_CONFIG__;

const PING_INTERVAL_MILLIS = 30_000;
const FIRST_RETRY_MILLIS = 100;
const MAX_RETRY_MILLIS = 2_000;
// A server that answers but refuses the socket (403: host or origin not allowed) would refuse every retry.
const MAX_REFUSED_RETRY_MILLIS = 30_000;
// The server closes with these when it could not read our frames; reconnecting would fail again.
const REFUSED_CLOSE_CODES = [1003, 1007];

/** @type {WebSocket | undefined} */
let socket;
/** @type {'connecting' | 'open' | 'waiting' | 'refused' | 'closed'} */
let state = 'connecting';
/** Sockets the server refused in a row while it answered /__velocity/status. */
let refusals = 0;
let refusalReported = false;
let unloading = false;
let connectionLost = false;
/** @type {ReturnType<typeof setInterval> | undefined} */
let pingTimer;
/** @type {{ type: string, [field: string]: unknown }[]} */
const unsent = [];
/** @type {Promise<void>} */
let queue = Promise.resolve();

/** @type {PageReloader} */
const reloader = new PageReloader(config.instanceId, (payload) => client.notify('velocity:beforeFullReload', payload));
/** @type {HmrClient} */
const client = new HmrClient({ origin: location.origin, send, fullReload: (reason, path) => reloader.reload(reason, path) });

/** @type {((value?: unknown) => void)[]} resolved in order as pongs are handled */
const pongWaiters = [];

/**
 * The client's state for tests and benchmarks, only with velocity.hmr.debug: the socket's state,
 * the last update's timing, and settle(), which resolves once every message the server sent
 * before it was handled (a ping's pong comes back after them, and messages are handled in order).
 * @type {{ client: HmrClient, lastUpdate: object | undefined, readonly state: string, readonly refusals: number,
 *   readonly reloading: boolean, ping: () => void, settle: () => Promise<unknown> } | undefined}
 */
const hook = config.debug ? {
	client,
	lastUpdate: undefined,
	get state() { return state; },
	get refusals() { return refusals; },
	get reloading() { return reloader.reloading; },
	ping: () => send({ type: 'ping' }),
	settle: () => new Promise((resolve) => {
		pongWaiters.push(resolve);
		send({ type: 'ping' });
	}),
} : undefined;
if (hook) {
	// @ts-ignore
	window.__velocity_hmr__ = hook;
}

/**
 * Return the import.meta.hot of a module; compiled modules call it first thing, and unless the
 * module awaits at its top level, its top level then runs in a module scope (hot-modules.js) that
 * {@link moduleEvaluated} closes.
 * @param {string} ownerUrl the module's URL, without query
 * @param {ImportMeta} [meta] the module's import.meta
 * @param {boolean} [scoped] whether to open the module's scope
 */
export function createHotContext(ownerUrl, meta, scoped = true) {
	if (meta?.url?.startsWith('blob:') || meta?.url?.startsWith('data:')) {
		// Updated code runs from a data: or blob: URL: keep new URL('./logo.svg', import.meta.url) pointing
		// where it did when the module was loaded from the server.
		Object.defineProperty(meta, 'url', { value: location.origin + ownerUrl, enumerable: true });
	}
	const context = client.createContext(ownerUrl);
	if (scoped) {
		beginModule(ownerUrl);
	}
	return context;
}

/**
 * Close the scope of a module whose top level ran to its end; compiled modules call it last.
 * @param {string} ownerUrl the module's URL, without query
 */
export function moduleEvaluated(ownerUrl) {
	endModule(ownerUrl);
}

setOverlayOptions({ enabled: config.overlay, nonce: scriptNonce() });
client.addListener('/__velocity/hmr-client.js', 'velocity:error', (error) => {
	// Compile problems are shown where they arrive; this is a failed update.
	if (error.stack !== undefined) {
		showError({ kind: 'update', error: Object.assign(new Error(error.message), { stack: error.stack }), file: error.file });
	}
});
// Uncaught errors in effects and components, reported by the runtime.
addEventListener('velocity:error', (event) => showError({ kind: 'runtime', error: /** @type {CustomEvent} */ (event).detail }));
reloader.reportPreviousReload();
watchPageLoad();
addEventListener('pagehide', () => unloading = true);
connect();

function connect() {
	state = 'connecting';
	const scheme = (location.protocol === 'https:') ? 'wss' : 'ws';
	const host = (config.host ?? location.hostname) + ((config.port ?? location.port) ? `:${config.port ?? location.port}` : '');
	const opened = new WebSocket(`${scheme}://${host}${config.path}?token=${encodeURIComponent(config.token)}`);
	socket = opened;
	opened.addEventListener('open', () => {
		state = 'open';
		refusals = 0;
		if (connectionLost) {
			console.info('[velocity] reconnected');
			connectionLost = false;
		}
		unsent.splice(0).forEach((message) => opened.send(JSON.stringify(message)));
		pingTimer = setInterval(() => send({ type: 'ping' }), PING_INTERVAL_MILLIS);
		client.notify('velocity:ws:connect', { webSocket: opened });
	});
	opened.addEventListener('message', (event) => receive(event.data));
	opened.addEventListener('close', (event) => closed(opened, event));
}

/** @param {unknown} data */
function receive(data) {
	const receivedAt = performance.now();
	let message;
	try {
		message = JSON.parse(String(data));
	}
	catch (error) {
		console.error('[velocity] the server sent a message that is not JSON', data);
		return;
	}
	queue = queue.then(() => handle(message, receivedAt))
		.catch((error) => console.error(`[velocity] failed to handle a ${message?.type} message`, error));
}

/**
 * @param {any} message
 * @param {number} receivedAt
 */
async function handle(message, receivedAt) {
	if (reloader.reloading) {
		return;
	}
	switch (message?.type) {
		case 'connected':
			return checkInstance(message.instanceId);
		case 'update':
			return applyUpdates(message, receivedAt);
		case 'full-reload':
			return fullReload(message);
		case 'error':
			return reportCompileError(message);
		case 'prune':
			message.paths.forEach(forgetModule);
			return client.prune(message.paths);
		case 'pong':
			return pongWaiters.shift()?.();
		default:
			console.error(`[velocity] unknown message type ${message?.type}`, message);
	}
}

/**
 * Reload for a change no boundary accepts, if this page loaded a module it reaches (or could not
 * load at all); a page that loaded none of them has nothing to reload for.
 * @param {{ reason: string, path?: string | null, paths?: string[] }} message
 */
async function fullReload(message) {
	const paths = message.paths ?? (message.path ? [message.path] : []);
	if (paths.length === 0 || paths.some((path) => client.hotModules.has(path)) || pageFailedToLoad()) {
		return reloader.reload(message.reason, message.path ?? undefined);
	}
	console.debug(`[velocity] not reloading, this page did not load ${paths.join(', ')}: ${message.reason}`);
}

/**
 * @param {{ updates: import('./hmr.js').ModuleUpdate[], timestamp: number, modules?: import('./module-loader.js').InlineModule[],
 *   stages?: Record<string, number>, reloads?: { path: string, reason: string }[] }} message
 * @param {number} receivedAt
 */
async function applyUpdates(message, receivedAt) {
	if (pageFailedToLoad()) {
		// No hot update brings up modules that never ran: load the page again, once per update.
		return reloader.reloadOnce(`the page could not load before; reloading it for the update at ${message.timestamp}`,
			String(message.timestamp));
	}
	const reload = message.reloads?.find(({ path }) => client.hotModules.has(path));
	if (reload) {
		// This page loaded a module that cannot take the change; other pages apply the update.
		return reloader.reload(reload.reason, reload.path);
	}
	// What was wrong before this update is replaced by how this update goes; an error it raises
	// (a component that throws as it swaps in) shows from here on.
	clearOverlay();
	await client.notify('velocity:beforeUpdate', message);
	client.loader.stage(message.modules, message.timestamp);
	const paths = [];
	let failed = false;
	const updates = [...message.updates];
	while (updates.length > 0) {
		const update = updates[0];
		if (update.type === 'css') {
			updates.shift();
			const outcome = await updateStyleSheet(update.path, update.timestamp);
			if (outcome === 'applied') {
				paths.push(update.path);
				console.info(`[velocity] css updated ${update.path}`);
			}
			failed ||= (outcome === 'failed');
			continue;
		}
		// The modules of consecutive JavaScript updates are imported together.
		const next = updates.findIndex((update) => update.type === 'css');
		const scripts = updates.splice(0, (next < 0) ? updates.length : next);
		const outcomes = await client.applyUpdates(scripts);
		if (outcomes.includes('reload')) {
			return;
		}
		scripts.forEach((update, index) => {
			if (outcomes[index] === 'applied') {
				paths.push(update.acceptedPath);
				const what = (update.path === update.acceptedPath) ? update.path : `${update.acceptedPath} via ${update.path}`;
				console.info(`[velocity] hot updated ${what} in ${Math.round(performance.now() - receivedAt)} ms`);
			}
			failed ||= (outcomes[index] === 'failed');
		});
	}
	const applied = { paths, applyMillis: performance.now() - receivedAt, timestamp: message.timestamp };
	if (hook) {
		const { updateTiming } = await import('./update-timing.js');
		hook.lastUpdate = { ...applied, timing: updateTiming(message, receivedAt, client.loader.lastLoadedAt) };
	}
	// Listeners (the overlay) take afterUpdate as "all is well again", which a failed update is not.
	if (!failed) {
		await client.notify('velocity:afterUpdate', message);
	}
	send({ type: 'updated', ...applied });
}

/** @param {{ message: string, file: string, line: number, column: number, frame: string }} error */
async function reportCompileError(error) {
	const where = error.line ? `${error.file}:${error.line}:${error.column}` : error.file;
	console.error(`[velocity] ${where} ${error.message}` + (error.frame ? `\n${error.frame}` : ''));
	showError({ kind: 'compile', ...error });
	await client.notify('velocity:error', error);
}

/** @param {string} instanceId */
async function checkInstance(instanceId) {
	if (instanceId === config.instanceId) {
		reloader.instanceConfirmed();
		console.debug('[velocity] connected');
		return;
	}
	await reloader.reloadForRestart(instanceId);
}

/** The CSP nonce the page gave this script, for the overlay's styles where a nonce is needed. */
function scriptNonce() {
	const script = document.querySelector('script[src^="/__velocity/hmr-client.js"]');
	return (script instanceof HTMLScriptElement && script.nonce) ? script.nonce : undefined;
}

/** @param {{ type: string, [field: string]: unknown }} message */
function send(message) {
	if (socket?.readyState === WebSocket.OPEN) {
		socket.send(JSON.stringify(message));
	}
	else if (message.type !== 'ping') {
		unsent.push(message);
	}
}

/**
 * @param {WebSocket} closedSocket
 * @param {CloseEvent} event
 */
function closed(closedSocket, event) {
	clearInterval(pingTimer);
	if (closedSocket !== socket || unloading || reloader.reloading) {
		return;
	}
	const wasOpen = (state === 'open');
	if (wasOpen) {
		client.notify('velocity:ws:disconnect', { webSocket: closedSocket, code: event.code });
	}
	if (REFUSED_CLOSE_CODES.includes(event.code)) {
		state = 'closed';
		console.error(`[velocity] the server refused this client's messages and closed the connection `
			+ `(${event.code} ${event.reason}); not reconnecting, reload the page to retry`);
		return;
	}
	state = 'waiting';
	if (wasOpen && !connectionLost) {
		connectionLost = true;
		console.info('[velocity] server connection lost, waiting for it…');
	}
	waitForServer().then(async (instanceId) => {
		if (instanceId !== config.instanceId && await reloader.reloadForRestart(instanceId)) {
			return;
		}
		if (wasOpen) {
			connect();
			return;
		}
		// The server is up and this socket never opened: it was refused, and would be again at once.
		refusals++;
		state = 'refused';
		if (refusals > 1) {
			// Once could be a server that answered before its socket was ready.
			reportRefusal(`the server at ${location.origin} answers but refused the HMR socket`);
		}
		setTimeout(connect, Math.min(FIRST_RETRY_MILLIS * 10 * 2 ** refusals, MAX_REFUSED_RETRY_MILLIS));
	});
}

/** @param {string} what */
function reportRefusal(what) {
	if (!refusalReported) {
		refusalReported = true;
		console.error(`[velocity] ${what}: is this page's host (${location.hostname}) in velocity.hmr.allowed-hosts, `
			+ `and its origin (${location.origin}) the application's own or in velocity.hmr.client.allowed-origins? `
			+ 'The server log says which; retrying less and less often');
	}
}

/**
 * Poll the server's status until it answers, backing off so a stopped server costs nothing.
 * @returns {Promise<string>} the instance id of the server that answered
 */
async function waitForServer() {
	for (let delay = FIRST_RETRY_MILLIS; ; delay = Math.min(delay * 2, refusalReported ? MAX_REFUSED_RETRY_MILLIS : MAX_RETRY_MILLIS)) {
		await new Promise((resolve) => setTimeout(resolve, delay));
		if (document.hidden) {
			await new Promise((resolve) => document.addEventListener('visibilitychange', resolve, { once: true }));
		}
		try {
			const response = await fetch(`${location.origin}/__velocity/status`, { cache: 'no-store' });
			if (response.status === 403) {
				state = 'refused';
				reportRefusal(`the server at ${location.origin} refused this page's requests (403)`);
			}
			if (response.ok) {
				const status = await response.json();
				if (typeof status?.instanceId === 'string') {
					return status.instanceId;
				}
			}
		}
		catch (error) {
			// Still down; try again later.
		}
	}
}

/**
 * Type declarations for import.meta.hot, the hot module replacement API that Velocity HMR gives
 * every module in development. It is undefined in production, so guard its use with
 * `if (import.meta.hot) { ... }`.
 */

/** The events the client emits; listen with import.meta.hot.on(). */
export interface VelocityHotEvents {
	/** Before the modules of an update message are applied. */
	'velocity:beforeUpdate': VelocityUpdatePayload;
	/** After every module of an update message applied without error. */
	'velocity:afterUpdate': VelocityUpdatePayload;
	/** Before the page reloads; the reload waits (up to 2 seconds) for a returned promise. */
	'velocity:beforeFullReload': { reason: string; path?: string | null };
	/** A module failed to compile on the server, or an update failed to apply in the page. */
	'velocity:error': VelocityErrorPayload;
	/** The connection to the server was lost. */
	'velocity:ws:disconnect': { webSocket: WebSocket; code: number };
	/** The connection to the server was opened (again). */
	'velocity:ws:connect': { webSocket: WebSocket };
}

export interface VelocityModuleUpdate {
	type: 'js' | 'css';
	/** The module whose hot context applies the update. */
	path: string;
	/** The module imported anew: path itself when it accepts itself, else the import it accepts. */
	acceptedPath: string;
	timestamp: number;
}

export interface VelocityUpdatePayload {
	type: 'update';
	updates: VelocityModuleUpdate[];
	timestamp: number;
}

/** A compile error (file, line, column, frame) or a failed update (file, stack). */
export interface VelocityErrorPayload {
	message: string;
	file: string;
	line?: number;
	column?: number;
	frame?: string;
	stack?: string;
}

export interface VelocityHotContext {
	/** Data kept for this module across its updates; fill it in dispose(), read it when the new code runs. */
	readonly data: Record<string, any>;

	/** Accept updates of this module: its new code runs in place of the old. */
	accept(): void;
	/** Accept updates of this module; the callback gets the new module's namespace. */
	accept(callback: (module: any) => void): void;
	/** Accept updates of an import (its URL, as imported); the callback gets its new namespace. */
	accept(dep: string, callback: (module: any) => void): void;
	/** Accept updates of imports; the callback gets the new namespace at the updated one's index, undefined elsewhere. */
	accept(deps: readonly string[], callback: (modules: Array<any | undefined>) => void): void;

	/** Clean up the side effects of this module's code before its new code runs; may save state in data. */
	dispose(callback: (data: Record<string, any>) => void | Promise<void>): void;
	/** Clean up when no module imports this one any more. */
	prune(callback: (data: Record<string, any>) => void | Promise<void>): void;
	/** Make an update that reaches this module reload the page. */
	decline(): void;
	/** Give up applying this module's update; the server propagates it to the modules that import it. */
	invalidate(message?: string): void;

	on<E extends keyof VelocityHotEvents>(event: E, listener: (payload: VelocityHotEvents[E]) => void | Promise<void>): void;
	on(event: string, listener: (payload: any) => void | Promise<void>): void;
	off<E extends keyof VelocityHotEvents>(event: E, listener: (payload: VelocityHotEvents[E]) => void | Promise<void>): void;
	off(event: string, listener: (payload: any) => void | Promise<void>): void;
}

declare global {
	interface ImportMeta {
		readonly hot?: VelocityHotContext;
	}
}

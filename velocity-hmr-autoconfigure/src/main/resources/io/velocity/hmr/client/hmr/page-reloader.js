// @ts-check
/**
 * Reloads the page for the HMR client: lets listeners save state first, prints the reason again
 * on the page that the reload brings (the console of the old one is gone), and reloads for a
 * server restart at most once in a row, so that a server that keeps disagreeing with its own
 * pages cannot make them reload in a loop.
 */

import { available, read, remove, take, write } from './session-storage.js';

const REASON_KEY = 'velocity:reload-reason';
// Holds the instance id a restart reload was made for, until a page served by that instance connects.
const RESTART_KEY = 'velocity:restart-reload';
// Holds the key of the last reload made for a page that failed to load, so that one cause reloads once.
const ONCE_KEY = 'velocity:reload-once';
const BEFORE_RELOAD_TIMEOUT_MILLIS = 2_000;

export class PageReloader {

	/**
	 * @param {string} instanceId the instance id of the server that served this page
	 * @param {(payload: { reason: string, path?: string }) => Promise<void>} beforeReload
	 */
	constructor(instanceId, beforeReload) {
		this.instanceId = instanceId;
		this.beforeReload = beforeReload;
		this.reloading = false;
	}

	reportPreviousReload() {
		const reason = take(REASON_KEY);
		if (reason !== null) {
			console.info(`[velocity] reloaded: ${reason}`);
		}
	}

	/**
	 * @param {string} reason why, for the console
	 * @param {string} [path] the module that caused it
	 */
	async reload(reason, path) {
		if (this.reloading) {
			return;
		}
		this.reloading = true;
		// Listeners may save state for the next page; a hanging one must not block the reload.
		await Promise.race([this.beforeReload({ reason, path }),
			new Promise((resolve) => setTimeout(resolve, BEFORE_RELOAD_TIMEOUT_MILLIS))]);
		console.info(`[velocity] full reload: ${reason}`);
		write(REASON_KEY, reason);
		// For modules without a hot context, such as hot-components.js, which keeps the state of
		// the components for the next page.
		dispatchEvent(new CustomEvent('velocity:beforeFullReload', { detail: { reason, path } }));
		location.reload();
	}

	/**
	 * Reload, unless the page already reloaded for the same key, as for a page that failed to load
	 * and would fail again the same way.
	 * @param {string} reason why, for the console
	 * @param {string} key what the reload is for, such as an update's timestamp
	 */
	async reloadOnce(reason, key) {
		if (read(ONCE_KEY) === key) {
			console.error(`[velocity] the page still fails to load; not reloading again for the same update: ${reason}`);
			return;
		}
		write(ONCE_KEY, key);
		await this.reload(reason);
	}

	/**
	 * Reload because another server instance than the one that served this page is running,
	 * unless the previous page already reloaded for that and still came from another instance.
	 * @param {string} instanceId the instance id of the server now running
	 * @returns {Promise<boolean>} whether the page reloads
	 */
	async reloadForRestart(instanceId) {
		// Without session storage the guard cannot work, so restart reloads are off.
		if (!available() || read(RESTART_KEY) !== null) {
			console.error(`[velocity] the server (instance ${instanceId}) did not serve this page (instance `
				+ `${this.instanceId}) even after a reload; not reloading again, reload the page yourself`);
			return false;
		}
		write(RESTART_KEY, instanceId);
		await this.reload(`the server restarted (instance ${instanceId}, this page came from ${this.instanceId})`);
		return true;
	}

	/**
	 * Record that the server running is the one that served this page, so a later restart may
	 * reload it again.
	 */
	instanceConfirmed() {
		remove(RESTART_KEY);
	}

}

// @ts-check
/**
 * The HMR client's use of sessionStorage, which carries what a reload must not lose (its reason,
 * the restart guard, component state) to the page the reload brings. Storage can be off (a
 * privacy setting, a sandboxed frame) or full: every access goes through here, and a failure
 * loses only what was being kept, never the page.
 */

/**
 * @param {string} key
 * @returns {string | null} the value, or null when absent or storage is off
 */
export function read(key) {
	try {
		return globalThis.sessionStorage?.getItem(key) ?? null;
	}
	catch (error) {
		return null;
	}
}

/**
 * @returns {boolean} whether sessionStorage can be used
 */
export function available() {
	try {
		return globalThis.sessionStorage !== undefined && globalThis.sessionStorage !== null;
	}
	catch (error) {
		return false;
	}
}

/**
 * @param {string} key
 * @param {string} value
 * @returns {boolean} whether the value was kept
 */
export function write(key, value) {
	try {
		sessionStorage.setItem(key, value);
		return true;
	}
	catch (error) {
		return false;
	}
}

/**
 * Read a value and remove it, so that it applies to one page load only.
 * @param {string} key
 * @returns {string | null} the value, or null when absent or storage is off
 */
export function take(key) {
	const value = read(key);
	if (value !== null) {
		remove(key);
	}
	return value;
}

/** @param {string} key */
export function remove(key) {
	try {
		sessionStorage.removeItem(key);
	}
	catch (error) {
		// Storage is off: nothing was kept.
	}
}

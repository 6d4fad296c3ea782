// @ts-check
// The text the error overlay shows for a payload: an error's description and stack, and a code
// frame around a position, in the same shape as the compile service's frames.

// Lines shown above and below the failing line in a frame built from a source map.
const CONTEXT_LINES = 2;

/**
 * @param {unknown} error
 * @returns {string}
 */
export function describe(error) {
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
export function stackOf(error) {
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

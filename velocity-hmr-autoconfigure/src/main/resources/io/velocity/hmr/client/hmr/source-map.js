// @ts-check
// Maps the frames of a browser stack trace back to the original sources through the inline
// source maps that the compile service writes into every module.

/**
 * @typedef {object} StackFrame
 * @property {string} text the line as the browser wrote it, trimmed
 * @property {string} name the function name, or an empty string
 * @property {string} url the script URL
 * @property {number} line 1-based
 * @property {number} column 1-based
 *
 * @typedef {object} OriginalPosition
 * @property {string} source the original source as the map names it, such as /frontend/Counter.tsx
 * @property {number} line 1-based
 * @property {number} column 1-based
 * @property {string | null} content the original text, when the map embeds it
 *
 * @typedef {object} SourceMap
 * @property {string[]} sources
 * @property {(string | null)[]} [sourcesContent]
 * @property {string} [sourceRoot]
 * @property {string} mappings
 *
 * @typedef {object} IndexSourceMap a map in sections, as a bundled page's bundle has: one per module
 * @property {{ offset: { line: number, column: number }, map: SourceMap }[]} sections
 */

/** @type {Map<string, { moduleUrl: string, code: string | (() => string) }>} */
const blobSources = new Map();

/** @type {Map<string, Promise<DecodedMap | SectionedMap | null>>} */
const maps = new Map();

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Chromium and WebKit write "at name (url:1:2)" or "at url:1:2"; Firefox "name@url:1:2".
const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const GECKO_FRAME = /^\s*(.*?)@(.+?):(\d+):(\d+)\s*$/;

/**
 * Tell the source mapper what a blob URL stands for, so that frames in code imported from
 * it map like frames of the module itself.
 * @param {string} blobUrl the blob: URL the code was imported from
 * @param {string} moduleUrl the module's served URL, such as /frontend/Counter.tsx
 * @param {string | (() => string)} code the module code, with its inline source map, or what
 * writes it when a frame in it is first mapped
 */
export function registerModuleSource(blobUrl, moduleUrl, code) {
	blobSources.set(blobUrl, { moduleUrl, code });
	maps.delete(blobUrl);
}

/**
 * Split a stack trace into its frames; lines that are not frames are left out.
 * @param {string | undefined} stack
 * @returns {StackFrame[]}
 */
export function parseStack(stack) {
	/** @type {StackFrame[]} */
	const frames = [];
	for (const raw of (stack || '').split('\n')) {
		const match = V8_FRAME.exec(raw) || GECKO_FRAME.exec(raw);
		if (match) {
			frames.push({ text: raw.trim(), name: match[1] || '', url: match[2], line: Number(match[3]),
				column: Number(match[4]) });
		}
	}
	return frames;
}

/**
 * Find where a generated position came from.
 * @param {string} url the script URL of a stack frame
 * @param {number} line 1-based
 * @param {number} column 1-based
 * @returns {Promise<OriginalPosition | null>} null when the script has no usable map
 */
export async function originalPosition(url, line, column) {
	// Frames of eval'd or native code name no script that could be fetched.
	if (!/^(?:https?|blob):/.test(url)) {
		return null;
	}
	let map = maps.get(url);
	if (!map) {
		map = loadMap(url).catch((error) => {
			console.debug(`[velocity] No source map for ${url}:`, error);
			return null;
		});
		maps.set(url, map);
	}
	const decoded = await map;
	return decoded ? decoded.find(line - 1, column - 1) : null;
}

/**
 * @param {string} url
 * @returns {Promise<DecodedMap | SectionedMap | null>}
 */
async function loadMap(url) {
	const registered = blobSources.get(url);
	if (registered) {
		const code = (typeof registered.code === 'function') ? registered.code() : registered.code;
		return readMap(code, registered.moduleUrl);
	}
	const parsed = new URL(url, location.href);
	// Other origins' scripts are not ours and would usually refuse the fetch anyway.
	if (parsed.origin !== location.origin) {
		return null;
	}
	const response = await fetch(parsed.href);
	return response.ok ? readMap(await response.text(), parsed.href) : null;
}

/**
 * @param {string} code
 * @param {string} codeUrl
 * @returns {Promise<DecodedMap | SectionedMap | null>}
 */
async function readMap(code, codeUrl) {
	const marker = code.lastIndexOf('//# sourceMappingURL=');
	if (marker < 0) {
		return null;
	}
	const reference = code.slice(marker + 21).split(/\s/, 1)[0];
	const base = new URL(codeUrl, location.href).href;
	const map = JSON.parse(await mapText(reference, base));
	return Array.isArray(map.sections) ? new SectionedMap(map, base) : new DecodedMap(map, base);
}

/**
 * @param {string} reference
 * @param {string} base
 * @returns {Promise<string>}
 */
async function mapText(reference, base) {
	if (!reference.startsWith('data:')) {
		const response = await fetch(new URL(reference, base));
		return response.text();
	}
	return dataUrlText(reference);
}

/**
 * @param {string} url a data: URL
 * @returns {string} the text it holds, UTF-8 (a map may hold non-ASCII source text)
 */
export function dataUrlText(url) {
	const comma = url.indexOf(',');
	const data = url.slice(comma + 1);
	if (!url.slice(0, comma).endsWith(';base64')) {
		return decodeURIComponent(data);
	}
	// atob yields one char per byte.
	return new TextDecoder().decode(Uint8Array.from(atob(data), (char) => char.charCodeAt(0)));
}

class DecodedMap {

	/**
	 * @param {SourceMap} map
	 * @param {string} base the URL relative sources resolve against: for blob code, its module's URL
	 */
	constructor(map, base) {
		this.sources = map.sources.map((source) => sourcePath((map.sourceRoot || '') + source, base));
		this.contents = map.sourcesContent || [];
		/** @type {number[][][]} per generated line: segments [column, source, line, column] */
		this.lines = decodeMappings(map.mappings);
	}

	/**
	 * @param {number} line 0-based
	 * @param {number} column 0-based
	 * @returns {OriginalPosition | null}
	 */
	find(line, column) {
		let found = null;
		for (const segment of this.lines[line] || []) {
			if (segment[0] > column) {
				break;
			}
			if (segment.length >= 4) {
				found = segment;
			}
		}
		if (!found) {
			return null;
		}
		return { source: this.sources[found[1]], line: found[2] + 1, column: found[3] + 1,
			content: this.contents[found[1]] ?? null };
	}

}

/**
 * An index map: each section maps the generated code from its offset on, as the map of a
 * bundled page's bundle does for each module in it.
 */
class SectionedMap {

	/**
	 * @param {IndexSourceMap} map
	 * @param {string} base
	 */
	constructor(map, base) {
		this.sections = map.sections.map(({ offset, map: sectionMap }) => ({ line: offset.line, column: offset.column,
			map: new DecodedMap(sectionMap, base) }));
	}

	/**
	 * @param {number} line 0-based
	 * @param {number} column 0-based
	 * @returns {OriginalPosition | null}
	 */
	find(line, column) {
		// Sections are in the order of their offsets; the last that starts at or before the position holds it.
		const section = this.sections.findLast((candidate) => candidate.line < line
			|| (candidate.line === line && candidate.column <= column));
		if (!section) {
			return null;
		}
		return section.map.find(line - section.line, (line === section.line) ? column - section.column : column);
	}

}

/**
 * Show a source as a path when it lives on this origin, as the served URL the map names.
 * @param {string} source
 * @param {string} base
 * @returns {string}
 */
function sourcePath(source, base) {
	try {
		const url = new URL(source, base);
		return url.origin === location.origin ? url.pathname : url.href;
	}
	catch {
		return source;
	}
}

/**
 * Decode the Base64 VLQ mappings of a source map, with the relative fields made absolute.
 * @param {string} mappings
 * @returns {number[][][]}
 */
function decodeMappings(mappings) {
	/** @type {number[][][]} */
	const lines = [];
	const state = [0, 0, 0, 0, 0];
	for (const lineText of mappings.split(';')) {
		/** @type {number[][]} */
		const segments = [];
		state[0] = 0;
		for (const segmentText of lineText.split(',')) {
			if (segmentText === '') {
				continue;
			}
			const fields = decodeVlq(segmentText);
			for (let i = 0; i < fields.length && i < 5; i++) {
				state[i] += fields[i];
			}
			segments.push(state.slice(0, fields.length >= 4 ? 4 : 1));
		}
		// Generators usually emit segments in column order, but nothing guarantees it.
		segments.sort((a, b) => a[0] - b[0]);
		lines.push(segments);
	}
	return lines;
}

/**
 * @param {string} text one segment
 * @returns {number[]}
 */
function decodeVlq(text) {
	const values = [];
	let value = 0;
	let shift = 0;
	for (const char of text) {
		const digit = BASE64.indexOf(char);
		if (digit < 0) {
			throw new Error(`Invalid VLQ character '${char}'`);
		}
		value += (digit & 31) << shift;
		if (digit & 32) {
			shift += 5;
			continue;
		}
		values.push(value & 1 ? -(value >>> 1) : value >>> 1);
		value = 0;
		shift = 0;
	}
	return values;
}

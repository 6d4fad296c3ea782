// @ts-check
// The source map of a bundled page's module definitions that one hot update evaluates together
// (module-loader.js): written from the maps of the compiled code the update also carries, only
// when the overlay first maps a frame in them.

import { dataUrlText } from './source-map.js';

/**
 * The source map of definitions evaluated together: an index map with a section per definition,
 * each the map of the module's compiled code from the line the definition starts on (a
 * definition moves no line of its module; its first line starts with the registry's call, so
 * columns on that line are off by its length).
 * @param {Map<string, string>} definitions versioned URL to definition, in the order evaluated
 * @param {Map<string, string | null | undefined>} compiled versioned URL to compiled code
 * @returns {string} the sourceMappingURL comment, or nothing if no module has a map
 */
export function definitionsSourceMap(definitions, compiled) {
	const sections = [];
	let line = 0;
	for (const [url, definition] of definitions) {
		const map = inlineSourceMap(compiled.get(url));
		if (map) {
			sections.push(`{"offset":{"line":${line},"column":0},"map":${map}}`);
		}
		for (let at = definition.indexOf('\n'); at >= 0; at = definition.indexOf('\n', at + 1)) {
			line++;
		}
	}
	if (sections.length === 0) {
		return '';
	}
	return `//# sourceMappingURL=data:application/json;charset=utf-8,${encodeURIComponent(`{"version":3,"sections":[${sections.join(',')}]}`)}`;
}

/**
 * @param {string | null | undefined} code compiled code
 * @returns {string | null} the JSON of its inline source map
 */
function inlineSourceMap(code) {
	const marker = '//# sourceMappingURL=';
	const at = (typeof code === 'string') ? code.lastIndexOf(`${marker}data:`) : -1;
	if (at < 0) {
		return null;
	}
	try {
		return dataUrlText(/** @type {string} */ (code).slice(at + marker.length).split(/\s/, 1)[0]);
	}
	catch {
		return null;
	}
}

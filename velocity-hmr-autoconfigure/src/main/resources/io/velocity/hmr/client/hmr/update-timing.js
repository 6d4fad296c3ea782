// @ts-check
/**
 * The timing of one applied update, for benchmarks and tests (window.__velocity_hmr__.lastUpdate):
 * epoch milliseconds on the page's clock, comparable with the server's detectedAt and sentAt.
 */

/**
 * @param {{ stages?: Record<string, number> }} message the update message, with the server's stages
 * @param {number} receivedAt performance.now() when the message arrived
 * @param {number} loadedAt performance.now() when the last updated module finished evaluating
 * @returns {{ stages: Record<string, number> | undefined, receivedAt: number, importedAt: number | undefined, appliedAt: number }}
 */
export function updateTiming(message, receivedAt, loadedAt) {
	const epoch = (/** @type {number} */ at) => performance.timeOrigin + at;
	return {
		stages: message.stages,
		receivedAt: epoch(receivedAt),
		// A style sheet swap or a skipped update evaluates no module.
		importedAt: (loadedAt >= receivedAt) ? epoch(loadedAt) : undefined,
		appliedAt: epoch(performance.now()),
	};
}

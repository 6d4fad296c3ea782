// @ts-check
// The overlay's style sheet, adopted by its shadow root, so the page's styles neither reach in nor
// are reached.

export const OVERLAY_CSS = `
:host {
	all: initial;
	position: fixed;
	inset: 0;
	z-index: 2147483647;
	--velocity-bg: #1b1d23;
	--velocity-fg: #e6e6e6;
	--velocity-dim: #9aa0a6;
	--velocity-red: #ff6b6b;
	--velocity-yellow: #f2c94c;
	--velocity-frame-bg: #111317;
	font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
	font-size: 14px;
	line-height: 1.5;
	color: var(--velocity-fg);
}
.backdrop {
	position: fixed;
	inset: 0;
	overflow-y: auto;
	background: rgba(0, 0, 0, 0.66);
	padding: 5vh 16px;
	box-sizing: border-box;
}
.dialog {
	position: relative;
	box-sizing: border-box;
	max-width: 960px;
	margin: 0 auto;
	padding: 24px 28px;
	background: var(--velocity-bg);
	border-top: 6px solid var(--velocity-red);
	border-radius: 6px;
	box-shadow: 0 12px 40px rgba(0, 0, 0, 0.5);
	cursor: auto;
}
.title {
	margin: 0 0 12px;
	font-size: 16px;
	font-weight: 600;
	color: var(--velocity-red);
}
pre {
	font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
	font-size: 13px;
	tab-size: 4;
	margin: 0 0 16px;
}
.message {
	white-space: pre-wrap;
	word-break: break-word;
	font-weight: 600;
}
.location {
	margin: 0 0 12px;
	font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
	font-size: 13px;
	color: var(--velocity-yellow);
	user-select: all;
	word-break: break-all;
}
.frame {
	white-space: pre;
	overflow-x: auto;
	padding: 12px 16px;
	background: var(--velocity-frame-bg);
	border-radius: 4px;
}
.stack {
	white-space: pre;
	overflow-x: auto;
	color: var(--velocity-dim);
}
.stack-frame {
	padding-left: 16px;
}
.hint {
	margin: 8px 0 0;
	padding-top: 12px;
	border-top: 1px solid #33363d;
	font-size: 13px;
	color: var(--velocity-dim);
}
[hidden] {
	display: none;
}
@media (max-width: 600px) {
	.backdrop {
		padding: 0;
	}
	.dialog {
		min-height: 100%;
		border-radius: 0;
		padding: 16px;
	}
}
@media (prefers-reduced-motion: reduce) {
	* {
		animation: none !important;
		transition: none !important;
	}
}
`;

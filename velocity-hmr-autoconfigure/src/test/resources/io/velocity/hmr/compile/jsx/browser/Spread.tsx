// Spread props on elements and components, merged in order and kept reactive.
import { createSignal, mergeProps } from 'solid-js';
import { render } from 'solid-js/web';

const [placeholder, setPlaceholder] = createSignal('first');
// 'any': the string onclick is deliberately what TypeScript would reject, to prove the runtime ignores it.
const attrs: any = { get placeholder() { return placeholder(); }, 'data-kind': 'spread', onclick: 'window.injected = true' };
const clicked: string[] = [];

function Field(props: { label: string; id: string; extra?: string }) {
	const merged = mergeProps({ extra: 'default' }, props);
	return <label id={merged.id} data-extra={merged.extra}>{merged.label}</label>;
}

function App() {
	const rest = { id: 'field', label: 'Spread label' };
	return (
		<form>
			<input id="spread" {...attrs} class="late" onClick={() => clicked.push('click')} />
			<Field {...rest} extra="given" />
		</form>
	);
}

render(App, document.getElementById('app')!);

Object.assign(window, { setPlaceholder, clicked });

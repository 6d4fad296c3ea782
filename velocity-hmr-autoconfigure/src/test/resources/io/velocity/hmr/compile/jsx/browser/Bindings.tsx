// Text, attribute, class, classList, style and ref bindings, compiled from Solid-style TSX.
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';

const [count, setCount] = createSignal(0);
const [active, setActive] = createSignal(false);
const [color, setColor] = createSignal('red');
const [title, setTitle] = createSignal('first');
const fixed = 'fixed-title';
let box: HTMLDivElement | undefined;
const refs: Element[] = [];

function Badge(props: { n: number }) {
	return <span id="badge">{props.n}</span>;
}

function App() {
	return (
		<main>
			<p id="count">Count: {count()} items</p>
			<div
				id="box"
				ref={box}
				class={active() ? 'box on' : 'box'}
				classList={{ active: active(), idle: !active() }}
				style={{ color: color(), 'font-weight': 'bold' }}
				title={title()}
				data-fixed={fixed}
			/>
			<p id="styled" style="text-decoration: underline" ref={(el) => refs.push(el)}>
				static
			</p>
			<Badge n={count()} />
			<input id="name" value={title()} disabled={active()} />
			<label id="for-label" htmlFor={title()}>For</label>
			<p id="html" innerHTML={`<b>${title()}</b>`} />
			<p id="text" textContent={title()} />
			<input id="namespaced" prop:title={title()} attr:data-state={active() ? 'on' : 'off'} />
		</main>
	);
}

render(() => <App />, document.getElementById('app')!);

Object.assign(window, { setCount, setActive, setColor, setTitle, refs, box: () => box });

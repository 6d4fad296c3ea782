// Portal into another part of the document, Dynamic components and tags, Show and For.
import { createSignal, For, Show } from 'solid-js';
import { Dynamic, Portal, render } from 'solid-js/web';

const [open, setOpen] = createSignal(true);
const [kind, setKind] = createSignal<'a' | 'b' | 'em'>('a');
const [items, setItems] = createSignal(['x', 'y']);
const log: string[] = [];

const A = (props: { label: string }) => <b id="dynamic">A {props.label}</b>;
const B = (props: { label: string }) => <i id="dynamic">B {props.label}</i>;
const views = { a: A, b: B, em: 'em' } as const;

function App() {
	return (
		<section id="host" onClick={() => log.push('host click')}>
			<Show when={open()} fallback={<p id="closed">Closed</p>}>
				<Portal mount={document.getElementById('modals')!}>
					<button id="in-portal">In a portal</button>
				</Portal>
			</Show>
			<Dynamic component={views[kind()]} label="dyn" id="dynamic" />
			<ul>
				<For each={items()}>{(item, index) => <li class="item">{index()}:{item}</li>}</For>
			</ul>
			<>
				<span id="fragment-a">a</span>
				{items().length}
			</>
		</section>
	);
}

render(App, document.getElementById('app')!);

Object.assign(window, { setOpen, setKind, setItems, log });

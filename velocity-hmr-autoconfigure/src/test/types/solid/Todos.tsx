// Idiomatic Solid: signals, Show/For, classList, refs, bound handlers, typed currentTarget, a directive.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';

type Todo = { id: number; title: string; done: boolean };

declare module 'solid-js' {
	namespace JSX {
		interface Directives {
			autofocus: boolean;
		}
	}
}

function autofocus(element: Element, accessor: () => boolean) {
	if (accessor()) (element as HTMLElement).focus();
}
void autofocus;

function Badge(props: { n: number; children?: JSX.Element }) {
	return <span class="badge">{props.n}{props.children}</span>;
}

export function Todos() {
	const [todos, setTodos] = createSignal<Todo[]>([]);
	const [filter, setFilter] = createSignal<'all' | 'done'>('all');
	const [loading] = createSignal(false);
	let input!: HTMLInputElement;
	const remaining = () => todos().filter((t) => !t.done).length;
	const visible = () => todos().filter((t) => filter() === 'all' || t.done);
	const toggle = (id: number, _event: MouseEvent) => setTodos((list) => list.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
	const add: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
		event.preventDefault();
		setTodos([...todos(), { id: Date.now(), title: input.value, done: false }]);
		event.currentTarget.reset();
	};
	return (
		<section class="todos">
			<form onSubmit={add}>
				<input ref={input} use:autofocus={true} onInput={(e) => console.log(e.currentTarget.value)} />
			</form>
			<p>{remaining()} items left <Badge n={remaining()} /></p>
			<Show when={!loading()} fallback={<p>Loading…</p>}>
				<ul>
					<For each={visible()}>
						{(todo, index) => (
							<li classList={{ done: todo.done }} onClick={[toggle, todo.id]} data-index={index()}>
								{todo.title}
							</li>
						)}
					</For>
				</ul>
			</Show>
			{(['all', 'done'] as const).map((f) => (
				<button class={filter() === f ? 'on' : ''} onClick={() => setFilter(f)} on:dblclick={() => setFilter('all')}>
					{f}
				</button>
			))}
			<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r={remaining()} /></svg>
		</section>
	);
}

render(() => <Todos />, document.getElementById('app')!);

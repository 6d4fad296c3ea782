// Delegated events with [handler, data], native on: listeners, a directive, and on* values that are
// not functions, which must never become attributes.
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';

const log: string[] = [];
const pick = (id: number, event: MouseEvent) => log.push(`pick ${id} ${(event.currentTarget as Element).id}`);
const notAFunction: any = "window.injected = true";
const [clicks, setClicks] = createSignal(0);

function focusable(element: Element, accessor: () => string) {
	element.setAttribute('data-directive', accessor());
}

declare module 'solid-js' {
	namespace JSX {
		interface Directives {
			focusable: string;
		}
	}
}

function App() {
	return (
		<ul>
			<li id="one" onClick={[pick, 1]}>One</li>
			<li id="two" onClick={[pick, 2]}><b id="inner">Two</b></li>
			<li id="native" on:click={(event) => log.push(`native ${event.type}`)}>Native</li>
			<li id="capture" oncapture:click={() => log.push('capture')}><i id="captured">Capture</i></li>
			<li id="plain" onClick={() => setClicks((n) => n + 1)}>Clicked {clicks()}</li>
			<li id="scroll" onScroll={() => log.push('scroll')}>Scroll</li>
			<li id="unsafe" onClick={notAFunction} onMouseEnter={notAFunction} onFocus={notAFunction}>Unsafe</li>
			<li id="directive" use:focusable={'yes'}>Directive</li>
		</ul>
	);
}

render(App, document.getElementById('app')!);

Object.assign(window, { log });

// SVG: elements inside an <svg> template, a component whose root is an SVG element, xlink attributes.
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';

const [radius, setRadius] = createSignal(5);

function Dot(props: { r: number }) {
	return <circle id="dot" cx="10" cy="10" r={props.r} class="dot" />;
}

function App() {
	return (
		<svg id="icon" viewBox="0 0 20 20">
			<g id="group">
				<Dot r={radius()} />
				<line id="line" x1="0" y1="0" x2="20" y2="20" />
				<use id="ref" xlink:href="#dot" />
			</g>
		</svg>
	);
}

render(App, document.getElementById('app')!);

Object.assign(window, { setRadius });

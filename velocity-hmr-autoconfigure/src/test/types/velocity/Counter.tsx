// The README's component, and Velocity's directives augmenting 'velocity'.
import { createSignal } from 'velocity';
import { Portal } from 'velocity/web';

declare module 'velocity' {
	namespace JSX {
		interface Directives {
			tooltip: string;
		}
	}
}

export default function Counter() {
	const [count, setCount] = createSignal(0);
	return (
		<>
			<button onClick={() => setCount((c) => c + 1)} use:tooltip="Adds one">Count: {count}</button>
			<Portal><p>{count()}</p></Portal>
		</>
	);
}

// Rows with a label signal each, as js-framework-benchmark's Solid implementation keeps them.
import { createSignal, type Accessor, type Setter } from 'solid-js';

export type Row = { id: number; label: Accessor<string>; setLabel: Setter<string> };

const A = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint', 'clean',
	'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important', 'inexpensive',
	'cheap', 'expensive', 'fancy'];
const C = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
const N = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza', 'mouse',
	'keyboard'];
const pick = (list: string[]) => list[Math.round(Math.random() * 1000) % list.length];
let nextId = 1;

export function buildData(count: number): Row[] {
	const data = new Array<Row>(count);
	for (let i = 0; i < count; i++) {
		const [label, setLabel] = createSignal(`${pick(A)} ${pick(C)} ${pick(N)}`);
		data[i] = { id: nextId++, label, setLabel };
	}
	return data;
}

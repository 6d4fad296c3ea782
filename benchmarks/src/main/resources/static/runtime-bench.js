// The operations of the js-framework-benchmark (keyed), on the Velocity runtime as an app would use it: a For of
// rows, each label a signal, the selection through createSelector. RuntimeBench calls window.bench.run(name): it
// prepares the table, then times the operation itself: until it returns, and until a forced layout is done.
import { batch, createComponent, createSelector, createSignal, For, h, render } from '/__velocity/runtime.js';

const adjectives = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint',
	'clean', 'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important'];
const colours = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'white', 'black', 'orange'];
const nouns = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza'];

let nextId = 1;
let seed = 1;
const random = (max) => {
	seed = (seed * 16807) % 2147483647;
	return seed % max;
};

function buildData(count) {
	const data = new Array(count);
	for (let i = 0; i < count; i++) {
		const [label, setLabel] = createSignal(`${adjectives[random(adjectives.length)]} ${colours[random(colours.length)]} `
			+ nouns[random(nouns.length)]);
		data[i] = { id: nextId++, label, setLabel };
	}
	return data;
}

const [rows, setRows] = createSignal([]);
const [selected, setSelected] = createSignal(null);

function Table() {
	const isSelected = createSelector(selected);
	return createComponent(For, {
		get each() {
			return rows();
		},
		children: (row) => h('tr', { class: () => isSelected(row.id) ? 'danger' : '' },
			h('td', { class: 'col-md-1' }, String(row.id)),
			h('td', { class: 'col-md-4' }, h('a', { onClick: () => setSelected(row.id) }, row.label)),
			h('td', { class: 'col-md-1' }, h('a', null, h('span', { class: 'glyphicon glyphicon-remove', 'aria-hidden': 'true' }))),
			h('td', { class: 'col-md-6' })),
	});
}

render(Table, document.getElementById('rows'));

/** Per operation: what to set up first (untimed), and the operation. */
const operations = {
	create1k: [() => setRows([]), () => setRows(buildData(1000))],
	replace1k: [() => setRows(buildData(1000)), () => setRows(buildData(1000))],
	update10th: [() => setRows(buildData(1000)), () => batch(() => {
		const data = rows();
		for (let i = 0; i < data.length; i += 10) {
			data[i].setLabel((label) => label + ' !!!');
		}
	})],
	select: [() => {
		setRows(buildData(1000));
		setSelected(null);
	}, () => setSelected(rows()[random(1000)].id)],
	swap: [() => setRows(buildData(1000)), () => {
		const data = rows().slice();
		[data[1], data[998]] = [data[998], data[1]];
		setRows(data);
	}],
	remove: [() => setRows(buildData(1000)), () => {
		const data = rows().slice();
		data.splice(random(1000), 1);
		setRows(data);
	}],
	create10k: [() => setRows([]), () => setRows(buildData(10000))],
	append1k: [() => setRows(buildData(1000)), () => setRows([...rows(), ...buildData(1000)])],
	clear1k: [() => setRows(buildData(1000)), () => setRows([])],
	clear10k: [() => setRows(buildData(10000)), () => setRows([])],
};

window.bench = {
	names: Object.keys(operations),
	async run(name) {
		const [prepare, operation] = operations[name];
		prepare();
		document.body.offsetHeight;
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
		const start = performance.now();
		operation();
		const script = performance.now() - start;
		document.body.offsetHeight;
		return { script, layout: performance.now() - start };
	},
	rows: () => document.getElementById('rows').children.length,
};
document.body.dataset.ready = 'true';

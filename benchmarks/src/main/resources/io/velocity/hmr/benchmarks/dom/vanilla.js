// The baseline: the keyed table written by hand against the DOM, as js-framework-benchmark's vanilla
// implementations are: one template clone per row, one delegated listener on the table body, direct moves.
const A = ['pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint', 'clean',
	'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable', 'important', 'inexpensive',
	'cheap', 'expensive', 'fancy'];
const C = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
const N = ['table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza', 'mouse',
	'keyboard'];
const pick = (list) => list[Math.round(Math.random() * 1000) % list.length];
let nextId = 1;

const main = document.getElementById('main');
main.innerHTML = `<div class="container"><div class="jumbotron"><div class="row"><div class="col-md-6"><h1>Vanilla</h1></div>
<div class="col-md-6"><div class="row">
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="run">Create 1,000 rows</button></div>
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="runlots">Create 10,000 rows</button></div>
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="add">Append 1,000 rows</button></div>
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="update">Update every 10th row</button></div>
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="clear">Clear</button></div>
<div class="col-sm-6 smallpad"><button type="button" class="btn" id="swaprows">Swap Rows</button></div>
</div></div></div></div>
<table class="table"><tbody id="tbody"></tbody></table></div>`;

const tbody = document.getElementById('tbody');
const rowTemplate = document.createElement('template');
rowTemplate.innerHTML = '<tr><td class="col-md-1"></td><td class="col-md-4"><a class="lbl"></a></td>'
	+ '<td class="col-md-1"><a class="remove"><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>'
	+ '<td class="col-md-6"></td></tr>';
const rowNode = rowTemplate.content.firstChild;

/** @type {{ id: number, label: string, tr: HTMLTableRowElement, text: Text }[]} */
let rows = [];
let selected = null;

function createRows(count) {
	const created = new Array(count);
	for (let i = 0; i < count; i++) {
		const id = nextId++;
		const label = `${pick(A)} ${pick(C)} ${pick(N)}`;
		const tr = rowNode.cloneNode(true);
		const td1 = tr.firstChild;
		const a = td1.nextSibling.firstChild;
		td1.textContent = id;
		a.textContent = label;
		tr.data_id = id;
		created[i] = { id, label, tr, text: a.firstChild };
	}
	return created;
}

function appendRows(list) {
	const fragment = document.createDocumentFragment();
	for (const row of list) {
		fragment.appendChild(row.tr);
	}
	tbody.appendChild(fragment);
}

function clear() {
	tbody.textContent = '';
	rows = [];
	selected = null;
}

document.getElementById('run').addEventListener('click', () => {
	clear();
	rows = createRows(1000);
	appendRows(rows);
});
document.getElementById('runlots').addEventListener('click', () => {
	clear();
	rows = createRows(10000);
	appendRows(rows);
});
document.getElementById('add').addEventListener('click', () => {
	const added = createRows(1000);
	rows = rows.concat(added);
	appendRows(added);
});
document.getElementById('update').addEventListener('click', () => {
	for (let i = 0; i < rows.length; i += 10) {
		rows[i].label += ' !!!';
		rows[i].text.data = rows[i].label;
	}
});
document.getElementById('clear').addEventListener('click', clear);
document.getElementById('swaprows').addEventListener('click', () => {
	if (rows.length > 998) {
		const a = rows[1];
		const b = rows[998];
		const afterB = b.tr.nextSibling;
		tbody.insertBefore(b.tr, a.tr);
		tbody.insertBefore(a.tr, afterB);
		rows[1] = b;
		rows[998] = a;
	}
});
tbody.addEventListener('click', (event) => {
	const target = event.target;
	const tr = target.closest('tr');
	if (!tr) {
		return;
	}
	if (target.closest('a.lbl')) {
		if (selected) {
			selected.className = '';
		}
		selected = tr;
		tr.className = 'danger';
	}
	else if (target.closest('a.remove')) {
		const index = rows.findIndex((row) => row.tr === tr);
		rows.splice(index, 1);
		tr.remove();
		if (selected === tr) {
			selected = null;
		}
	}
});

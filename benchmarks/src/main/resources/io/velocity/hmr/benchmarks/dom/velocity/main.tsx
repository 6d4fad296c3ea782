// The keyed table as a Solid developer writes it, compiled by Velocity's compiler.
import { batch, createSelector, createSignal, For } from 'solid-js';
import { render } from 'solid-js/web';
import { buildData, type Row } from './data';

function Button(props: { id: string; text: string; fn: () => void }) {
	return (
		<div class="col-sm-6 smallpad">
			<button id={props.id} class="btn" type="button" onClick={props.fn}>
				{props.text}
			</button>
		</div>
	);
}

function App() {
	const [data, setData] = createSignal<Row[]>([]);
	const [selected, setSelected] = createSignal<number | null>(null);
	const isSelected = createSelector(selected);
	const run = () => setData(buildData(1000));
	const runLots = () => setData(buildData(10000));
	const add = () => setData([...data(), ...buildData(1000)]);
	const update = () => batch(() => {
		const rows = data();
		for (let i = 0; i < rows.length; i += 10) {
			rows[i].setLabel((label) => label + ' !!!');
		}
	});
	const clear = () => setData([]);
	const swapRows = () => {
		const rows = data().slice();
		if (rows.length > 998) {
			const row = rows[1];
			rows[1] = rows[998];
			rows[998] = row;
			setData(rows);
		}
	};
	const remove = (id: number) => {
		const rows = data();
		const index = rows.findIndex((row) => row.id === id);
		setData([...rows.slice(0, index), ...rows.slice(index + 1)]);
	};
	return (
		<div class="container">
			<div class="jumbotron">
				<div class="row">
					<div class="col-md-6">
						<h1>Velocity</h1>
					</div>
					<div class="col-md-6">
						<div class="row">
							<Button id="run" text="Create 1,000 rows" fn={run} />
							<Button id="runlots" text="Create 10,000 rows" fn={runLots} />
							<Button id="add" text="Append 1,000 rows" fn={add} />
							<Button id="update" text="Update every 10th row" fn={update} />
							<Button id="clear" text="Clear" fn={clear} />
							<Button id="swaprows" text="Swap Rows" fn={swapRows} />
						</div>
					</div>
				</div>
			</div>
			<table class="table">
				<tbody>
					<For each={data()}>
						{(row) => {
							const rowId = row.id;
							return (
								<tr class={isSelected(rowId) ? 'danger' : ''}>
									<td class="col-md-1" textContent={rowId} />
									<td class="col-md-4">
										<a class="lbl" onClick={[setSelected, rowId]} textContent={row.label()} />
									</td>
									<td class="col-md-1">
										<a class="remove" onClick={[remove, rowId]}>
											<span class="glyphicon glyphicon-remove" aria-hidden="true" />
										</a>
									</td>
									<td class="col-md-6" />
								</tr>
							);
						}}
					</For>
				</tbody>
			</table>
		</div>
	);
}

render(App, document.getElementById('main')!);

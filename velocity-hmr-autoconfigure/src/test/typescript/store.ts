// Module-level state as Solid apps keep it: a signal and a store, imported under Solid's names.
import { createSignal, createMemo } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';

export type Todo = { id: number; title: string; done: boolean };
export type Filter = 'all' | 'active' | 'done';

export const [filter, setFilter] = createSignal<Filter>('all');
export const [state, setState] = createStore({ todos: [] as Todo[], editing: null as number | null });

export const visible = createMemo(() => state.todos.filter((todo) =>
  filter() === 'all' || (filter() === 'done') === todo.done));

let nextId = 1;

export function addTodo(title: string) {
  setState('todos', state.todos.length, { id: nextId++, title, done: false });
}

export function toggle(id: number) {
  setState('todos', (todo) => todo.id === id, 'done', (done) => !done);
}

export function rename(index: number, title: string) {
  setState('todos', index, 'title', title);
  setState('todos', { from: 0, to: 1 }, 'done', false);
  setState('todos', [0, 1], produce((todo: Todo) => { todo.title = todo.title.trim(); }));
}

export function replaceAll(todos: Todo[]) {
  setState('todos', reconcile(todos));
  setState({ editing: null });
  return unwrap(state).todos.length;
}

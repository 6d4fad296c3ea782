// The todo list's state, written as in Solid: one store at module level, which the components import. This
// module exports data and functions, not components, so a saved component swaps without running it again:
// the todos stay as they were.
import { createStore } from 'solid-js/store';

export type Todo = { id: number; title: string; done: boolean };

export type Filter = 'all' | 'active' | 'completed';

export const filters: readonly Filter[] = ['all', 'active', 'completed'];

const [state, setState] = createStore({ todos: [] as Todo[] });

export { state };

/** Adds a todo unless its title is blank. */
export function addTodo(title: string) {
  const trimmed = title.trim();
  if (trimmed) {
    // Ids come from the todos themselves, so that they stay unique when this module runs again.
    const id = state.todos.reduce((max, todo) => Math.max(max, todo.id), 0) + 1;
    setState('todos', state.todos.length, { id, title: trimmed, done: false });
  }
}

export function toggleTodo(id: number) {
  setState('todos', (todo) => todo.id === id, 'done', (done) => !done);
}

export function removeTodo(id: number) {
  setState('todos', (todos) => todos.filter((todo) => todo.id !== id));
}

export function clearCompleted() {
  setState('todos', (todos) => todos.filter((todo) => !todo.done));
}

/** Whether a todo shows under a filter. */
export function shows(filter: Filter, todo: Todo): boolean {
  return filter === 'all' || (filter === 'completed') === todo.done;
}

// A todo list written as a Solid developer writes one, imports from 'solid-js' included: Velocity resolves
// them to its runtime.
import { createMemo, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { addTodo, clearCompleted, shows, state, type Filter } from './store';
import TodoFilter from './TodoFilter';
import TodoItem from './TodoItem';
import Suggestions from './Suggestions';
import './todos.css';

export default function TodoApp() {
  const [filter, setFilter] = createSignal<Filter>('all');
  const [title, setTitle] = createSignal('');
  let input!: HTMLInputElement;

  const visible = createMemo(() => state.todos.filter((todo) => shows(filter(), todo)));
  const remaining = createMemo(() => state.todos.filter((todo) => !todo.done).length);

  // The page opens ready to type.
  onMount(() => input.focus());

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    addTodo(title());
    setTitle('');
  };

  return (
    <section id="todos" class="card">
      <h2>Todos</h2>
      <form id="new-todo-form" onSubmit={submit}>
        <input
          id="new-todo"
          ref={input}
          placeholder="What needs doing?"
          autocomplete="off"
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <button id="add-todo" type="submit">Add</button>
      </form>
      <ul id="todo-list">
        <For each={visible()}>{(todo) => <TodoItem todo={todo} />}</For>
      </ul>
      <Switch>
        <Match when={state.todos.length === 0}>
          <p id="todo-empty" class="hint">Nothing to do yet.</p>
        </Match>
        <Match when={visible().length === 0}>
          <p id="todo-empty" class="hint">No {filter()} todos.</p>
        </Match>
      </Switch>
      <Show when={state.todos.length > 0}>
        <div id="todo-footer">
          <span id="todo-count">{remaining()} {remaining() === 1 ? 'item' : 'items'} left</span>
          <TodoFilter filter={filter()} onSelect={setFilter} />
          <Show when={remaining() < state.todos.length}>
            <button id="clear-completed" type="button" onClick={clearCompleted}>Clear completed</button>
          </Show>
        </div>
      </Show>
      <Suggestions onPick={addTodo} />
    </section>
  );
}

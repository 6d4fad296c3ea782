// Velocity's own import names work as well as Solid's.
import { For } from 'velocity';
import { filters, type Filter } from './store';

type TodoFilterProps = { filter: Filter; onSelect: (filter: Filter) => void };

export default function TodoFilter(props: TodoFilterProps) {
  return (
    <nav id="todo-filters" aria-label="Show">
      <For each={filters}>
        {(filter) => (
          <button
            id={`filter-${filter}`}
            type="button"
            classList={{ selected: props.filter === filter }}
            aria-pressed={props.filter === filter}
            onClick={() => props.onSelect(filter)}
          >
            {filter}
          </button>
        )}
      </For>
    </nav>
  );
}

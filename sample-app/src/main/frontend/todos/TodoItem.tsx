import { removeTodo, toggleTodo, type Todo } from './store';

type TodoItemProps = { todo: Todo };

// One todo. It reads the store through props.todo, so each row updates only what changed.
export default function TodoItem(props: TodoItemProps) {
  return (
    <li class="todo" classList={{ done: props.todo.done }}>
      <label>
        <input class="toggle" type="checkbox" checked={props.todo.done} onChange={() => toggleTodo(props.todo.id)} />
        <span class="title">{props.todo.title}</span>
      </label>
      <button class="remove" type="button" aria-label="Remove" onClick={() => removeTodo(props.todo.id)}>×</button>
    </li>
  );
}

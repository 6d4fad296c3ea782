import { createSignal } from 'velocity';
import { plural } from './utils';
import './Counter.css';

export default function Counter() {
  const [count, setCount] = createSignal(0);
  return (
    <section id="counter" class="card">
      <p id="count-label">Count: {count}</p>
      <button id="increment" type="button" onClick={() => setCount((c) => c + 1)}>+</button>
      <p id="count-hint" class="hint">{() => `You clicked ${plural(count(), 'time')}.`}</p>
    </section>
  );
}

import { createSignal } from 'velocity';
import { plural } from '../utils';
import './details.css';

export default function Details() {
  const [reads, setReads] = createSignal(1);
  return (
    <section id="about-details" class="details">
      <p>This part of the page is a module of its own, loaded when you asked for it.</p>
      <button id="about-details-read" type="button" onClick={() => setReads((n) => n + 1)}>
        {() => `Read ${plural(reads(), 'time')}`}
      </button>
    </section>
  );
}

import { createSignal } from 'velocity';
import { format, addDays } from 'date-fns';
import classNames from 'classnames';
import { shout } from 'tiny';
import { title } from './data.json';
import logo from './logo.svg';
import notes from './notes.txt?raw';
import styles from './card.module.css';
import { store } from '@/store';
import './hello-card';

export default function Card() {
  const [count, setCount] = createSignal(0);
  return (
    <section id="card" class={styles.card}>
      <p id="label">Packages: {count}</p>
      <button id="increment" type="button" onClick={() => setCount((c) => c + 1)}>+</button>
      <p id="date">{format(addDays(new Date(2024, 1, 1), 1), 'yyyy-MM-dd EEEE')}</p>
      <p id="classes">{classNames('a', { b: true, c: false }, ['d'])}</p>
      <p id="tiny">{shout('hi')}</p>
      <p id="title">{title}</p>
      <img id="logo" src={logo} alt="logo" />
      <p id="notes">{notes.trim()}</p>
      <p id="env">{`${import.meta.env.MODE} ${import.meta.env.GREETING}`}</p>
      <p id="store">{store.name}</p>
      <hello-card id="lit" name="lit"></hello-card>
    </section>
  );
}

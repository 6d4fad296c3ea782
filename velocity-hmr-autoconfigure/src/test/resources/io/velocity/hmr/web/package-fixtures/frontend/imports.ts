import data, { title } from './data.json';
import logo from './logo.svg';
import logoUrl from './logo.svg?url';
import notes from './notes.txt?raw';
import styles from './card.module.css';
import { store } from '@/store';

export const env = { mode: import.meta.env.MODE, dev: import.meta.env.DEV, greeting: import.meta.env.GREETING };
export { data, title, logo, logoUrl, notes, styles, store };

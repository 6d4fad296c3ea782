import { render } from 'velocity';
import Card from './Card';

render(Card, document.getElementById('app')!);

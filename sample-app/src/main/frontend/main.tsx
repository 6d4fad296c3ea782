import { render } from 'velocity';
import App from './App';

const container = document.getElementById('app');
if (!container) {
  throw new Error('index.html has no #app element to render into');
}
render(App, container);

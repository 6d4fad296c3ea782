// The about page's entry (a Thymeleaf template): its details are a lazy component, whose module
// the production build splits into a chunk of its own that loads on the first click only.
import { createSignal, lazy, render, Show, Suspense } from 'velocity';

const Details = lazy(() => import('./Details'));

function About() {
  const [open, setOpen] = createSignal(false);
  return (
    <div>
      <button id="about-details-toggle" type="button" onClick={() => setOpen(true)}>Show details</button>
      <Show when={open()}>
        <Suspense fallback={<p id="about-details-loading">Loading…</p>}>
          <Details />
        </Suspense>
      </Show>
    </div>
  );
}

const container = document.getElementById('about-app');
if (!container) {
  throw new Error('about.html has no #about-app element to render into');
}
render(About, container);

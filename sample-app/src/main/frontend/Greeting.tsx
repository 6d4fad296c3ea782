import { createSignal, Show } from 'velocity';

type GreetingResponse = { message: string; time: string };

type GreetingProps = { name: string };

export default function Greeting(props: GreetingProps) {
  const [greeting, setGreeting] = createSignal<GreetingResponse | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  fetch(`/api/greeting?name=${encodeURIComponent(props.name)}`)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((body: GreetingResponse) => setGreeting(body), (failure) => setError(String(failure)));

  return (
    <section id="greeting-card" class="card">
      <h2>From Spring</h2>
      <Show when={greeting} fallback={<p class="hint">{() => error() ?? 'Loading greeting…'}</p>}>
        {(body) => <p id="greeting">{body().message}</p>}
      </Show>
    </section>
  );
}

// An idiomatic Solid component tree: every import from 'solid-js' must type-check against Velocity's declarations.
import {
  type Component, type ParentComponent, type JSX, For, Index, Show, Switch, Match, ErrorBoundary, Suspense,
  SuspenseList, batch, children, createContext, createEffect, createMemo, createRenderEffect, createResource,
  createRoot, createSelector, createSignal, createUniqueId, lazy, mergeProps, on, onCleanup, onMount, splitProps,
  startTransition, untrack, useContext, useTransition, createDeferred, createComputed, catchError, observable, from,
  getOwner, runWithOwner, mapArray,
} from 'solid-js';
import { createMutable } from 'solid-js/store';
import { addTodo, filter, setFilter, state, toggle, visible, type Todo } from './store';

const Theme = createContext<'light' | 'dark'>('light');

type ButtonProps = { label?: string; kind?: 'primary' | 'plain'; onClick?: () => void };

const Button: Component<ButtonProps> = (props) => {
  const merged = mergeProps({ label: 'OK', kind: 'plain' as const }, props);
  const [local, rest] = splitProps(merged, ['label']);
  const theme = useContext(Theme);
  const label: string = local.label;
  return <button class={`${rest.kind} ${theme}`} onClick={() => rest.onClick?.()}>{label}</button>;
};

const Card: ParentComponent<{ title: string }> = (props) => {
  const resolved = children(() => props.children);
  const id = createUniqueId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {() => resolved.toArray().length}
    </section>
  );
};

type User = { name: string; email: string };

async function fetchUser(id: number): Promise<User> {
  const response = await fetch(`/api/users/${id}`);
  return response.json();
}

function Profile(props: { id: number }) {
  const [user, { refetch, mutate }] = createResource(() => props.id, fetchUser);
  const [count, setCount] = createSignal(0);
  const doubled = createMemo(() => count() * 2, 0, { equals: (a, b) => a === b });
  const total = createMemo((previous: number) => previous + count(), 10);
  const deferred = createDeferred(doubled, { timeoutMs: 100 });
  createComputed(() => total());
  createRenderEffect((runs: number) => runs + 1, 0);
  createEffect(on(count, (value, previous) => console.log(value, previous), { defer: true }));
  onMount(() => console.log('mounted', untrack(count)));
  onCleanup(() => console.log('gone'));
  const next: number = setCount((c) => c + 1);
  batch(() => {
    setCount(5);
    mutate((current) => current && { ...current, name: current.name.toUpperCase() });
  });
  const state: 'unresolved' | 'pending' | 'ready' | 'refreshing' | 'errored' = user.state;
  return (
    <Show when={user()} fallback={<p>Loading… {user.loading ? 'yes' : 'no'}</p>}>
      {(current) => (
        <p>
          {current().name} ({current().email}) {next} {deferred} {state}
          <button onClick={() => refetch()}>Reload</button>
        </p>
      )}
    </Show>
  );
}

const LazyPage = lazy(() => import('./Page'));

export default function App() {
  const [selected, setSelected] = createSignal<number | null>(null);
  const isSelected = createSelector(selected);
  const [pending, start] = useTransition();
  const [tab, setTab] = createSignal<'list' | 'profile'>('list');
  const mutable = createMutable({ clicks: 0 });
  const ticks = from<number>((set) => {
    const timer = setInterval(() => set((n) => (n ?? 0) + 1), 1000);
    return () => clearInterval(timer);
  });
  observable(selected).subscribe((value) => console.log(value));
  const owner = getOwner();
  queueMicrotask(() => runWithOwner(owner, () => useContext(Theme)));
  catchError(() => addTodo('first'), (error) => console.error(error.message));
  createRoot((dispose) => {
    createEffect(() => filter());
    dispose();
  });
  const labels = createMemo(mapArray(() => state.todos, (todo: Todo, index) => `${index()}: ${todo.title}`));
  const fallback: JSX.Element = <p>Nothing yet</p>;
  return (
    <Theme.Provider value="dark">
      <ErrorBoundary fallback={(error, reset) => <button onClick={reset}>{String(error)}</button>}>
        <Card title="Todos">
          <ul>
            <For each={visible()} fallback={fallback}>
              {(todo, index) => (
                <li class={isSelected(todo.id) ? 'selected' : ''} onClick={() => setSelected(todo.id)}>
                  {index() + 1}. {todo.title}
                  <input type="checkbox" checked={todo.done} onChange={() => toggle(todo.id)} />
                </li>
              )}
            </For>
          </ul>
          <Index each={labels()}>{(label, i) => <span>{i}: {label()}</span>}</Index>
        </Card>
        <Button label="All" onClick={() => setFilter('all')} />
        <Button kind="primary" onClick={() => start(() => setTab('profile'))} />
        <p>{() => (pending() ? 'Loading…' : filter())} {() => mutable.clicks} {ticks}</p>
        <Suspense fallback={<p>Loading profile</p>}>
          <Switch fallback={<p>Pick a tab</p>}>
            <Match when={tab() === 'list'}>
              <SuspenseList revealOrder="forwards" tail="collapsed">
                <LazyPage title="lazy" />
              </SuspenseList>
            </Match>
            <Match when={selected()} keyed>
              {(id) => <Profile id={id} />}
            </Match>
          </Switch>
        </Suspense>
        <Show when={selected()} keyed>{(id: number) => <p>Selected {id}</p>}</Show>
      </ErrorBoundary>
    </Theme.Provider>
  );
}

void startTransition(() => setFilter('done'));

import { createSignal, createMemo, For, Show } from 'velocity';

type Option = { id: number; label: string; enabled: boolean };

type SettingsProps = { title: string; initial?: Option[] };

const DEFAULTS: Option[] = [
  { id: 1, label: 'Dark mode', enabled: false },
  { id: 2, label: 'Notifications', enabled: true },
  { id: 3, label: 'Auto-save', enabled: true },
];

function describe(options: Option[]): string {
  const on = options.filter((option) => option.enabled).length;
  return `${on} of ${options.length} enabled`;
}

export default function Settings(props: SettingsProps) {
  const [options, setOptions] = createSignal<Option[]>(props.initial ?? DEFAULTS);
  const summary = createMemo(() => describe(options()));
  const toggle = (id: number) =>
    setOptions((current) => current.map((option) => (option.id === id ? { ...option, enabled: !option.enabled } : option)));
  return (
    <section class="settings card">
      <h2>{props.title}</h2>
      <p class="hint">{summary}</p>
      <ul>
        <For each={options}>
          {(option: Option) => (
            <li>
              <label>
                <input type="checkbox" checked={option.enabled} onChange={() => toggle(option.id)} />
                {option.label}
              </label>
            </li>
          )}
        </For>
      </ul>
      <Show when={() => options().length === 0}>{() => <p>No settings.</p>}</Show>
    </section>
  );
}

import { createResource, ErrorBoundary, For, Suspense } from 'velocity';
import { fetchSuggestions } from './api';

type SuggestionsProps = { onPick: (title: string) => void };

// Ideas for todos, from the Spring endpoint through a resource: the fallback shows until they arrive.
export default function Suggestions(props: SuggestionsProps) {
  const [suggestions] = createResource(fetchSuggestions);
  return (
    <div id="suggestions">
      <h3>Ideas from Spring</h3>
      <ErrorBoundary fallback={(error) => <p class="hint">Could not load ideas: {String(error)}</p>}>
        <Suspense fallback={<p class="hint">Loading ideas…</p>}>
          <ul>
            <For each={suggestions()}>
              {(suggestion) => (
                <li>
                  <button class="suggestion" type="button" onClick={() => props.onPick(suggestion.title)}>
                    {suggestion.title}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

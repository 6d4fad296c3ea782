// The Spring endpoint the todo app takes its suggestions from (TodoController).
export type Suggestion = { title: string };

export async function fetchSuggestions(): Promise<Suggestion[]> {
  const response = await fetch('/api/todos/suggestions');
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  return response.json();
}

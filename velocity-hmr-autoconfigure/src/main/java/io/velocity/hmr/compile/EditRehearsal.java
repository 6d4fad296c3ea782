package io.velocity.hmr.compile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.velocity.hmr.compile.registry.RegistryFormException;
import io.velocity.hmr.source.ModuleSource;

/**
 * A component compiled the way an edit compiles one, for
 * {@link ModuleCompiler#rehearseEdit}: both swc calls, the JSX transform, the facts, the
 * source map composition, the link check and the served code with versioned imports. Most
 * of an edit's compile is Java (swc's syntax tree converted to objects, then walked),
 * which the JIT compiles only after it ran a few hundred times: the first edits of a
 * session ran it slower than a warm one by three or more. The component imports only the
 * runtime, so that it needs no file.
 */
final class EditRehearsal {

	static final String PATH = "__velocity-rehearsal.tsx";

	// Touches what components commonly hold: signals, props, events, lists, conditions,
	// template literals, nested components and a style import's neighbour, an arrow.
	private static final byte[] SOURCE = """
			import { createSignal, createMemo, For, Show, onCleanup } from 'velocity';

			type Item = { id: number; label: string };

			function Row(props: { item: Item; selected: boolean; onPick: (id: number) => void }) {
			  return (
			    <li class={props.selected ? 'row selected' : 'row'} onClick={() => props.onPick(props.item.id)}>
			      <span>{props.item.label}</span> <small>#{props.item.id}</small>
			    </li>
			  );
			}

			export default function Rehearsal(props: { title?: string; items: Item[] }) {
			  const [count, setCount] = createSignal(0);
			  const [picked, setPicked] = createSignal<number | null>(null);
			  const doubled = createMemo(() => count() * 2);
			  const timer = setInterval(() => setCount((c) => c + 1), 1000);
			  onCleanup(() => clearInterval(timer));
			  return (
			    <section id="rehearsal" class="card">
			      <h2>{props.title ?? 'Rehearsal'}</h2>
			      <p id="count-label">Count: {count}</p>
			      <button type="button" onClick={() => setCount((c) => c + 1)} disabled={count() > 10}>+</button>
			      <p class="hint">{() => `You clicked ${count()} times (${doubled()}).`}</p>
			      <Show when={props.items.length > 0} fallback={<p>Nothing yet</p>}>
			        <ul>
			          <For each={props.items}>
			            {(item) => <Row item={item} selected={picked() === item.id} onPick={setPicked} />}
			          </For>
			        </ul>
			      </Show>
			    </section>
			  );
			}
			""".getBytes(StandardCharsets.UTF_8);

	private EditRehearsal() {
	}

	/**
	 * Compile the component as an edit would, with its imports versioned by the round.
	 * @param analyzer the analyzer
	 * @param links the link check
	 * @param compiler writes the served code
	 * @param round the round, as the version stamp
	 */
	static void run(ModuleAnalyzer analyzer, LinkCheck links, ModuleCompiler compiler, int round) {
		ModuleAnalyzer.Analyzed analyzed = analyzer.analyzeWithPlan(new ModuleSource(PATH, SOURCE, null));
		ModuleAnalysis analysis = analyzed.analysis();
		AnalyzedModule module = AnalyzedModule.script(analysis, analyzed.plan());
		links.check(module, (path) -> Optional.empty());
		CompiledModule compiled = compiler.emit(module, ModuleVersions.NONE.with(List.of(analysis.url()), round));
		if (analyzed.plan() != null) {
			// As an edit on a bundled page writes it.
			try {
				compiler.registryForm(compiled, analysis.url() + "?t=" + round);
			}
			catch (RegistryFormException ex) {
				// A rehearsal: the edit itself would parse the module instead.
			}
		}
	}

}

package io.velocity.hmr.benchmarks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results as Markdown tables.
 */
final class Markdown {

	private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

	static {
		SCENARIOS.put("leaf", "Leaf component (sample `Counter.tsx` label)");
		SCENARIOS.put("cascade", "Shared util (sample `utils.ts` → `Counter`)");
		SCENARIOS.put("store", "Store module (module-level signals, six importers)");
		SCENARIOS.put("cssImported", "Style rule, imported sheet (sample `Counter.css`)");
		SCENARIOS.put("cssLinked", "Style rule, linked sheet (sample `styles.css`)");
		SCENARIOS.put("leaf10Tabs", "Leaf component, 10 open tabs");
		SCENARIOS.put("leaf1000", "Deep leaf, 1,000-module project");
		SCENARIOS.put("leafNative1000", "Deep leaf, 1,000-module project, native modules");
		SCENARIOS.put("leaf10000", "Deep leaf, 10,000-module project");
	}

	private Markdown() {
	}

	@SuppressWarnings("unchecked")
	static String results(Map<String, Object> results, List<Map<String, Object>> verdicts) {
		StringBuilder md = new StringBuilder();
		Map<String, Object> machine = (Map<String, Object>) results.get("machine");
		md.append("\nMachine: ")
			.append(machine.get("nproc"))
			.append(" CPUs (")
			.append(machine.get("cpu"))
			.append("), ")
			.append(machine.get("memory"))
			.append(" memory, ")
			.append(machine.get("jdk"))
			.append(", Chromium ")
			.append(machine.get("chromium"))
			.append(".\nCommand: `")
			.append(results.get("command"))
			.append("`\n\n");
		md.append("Goals are judged on bundled pages, the default; informational rows are native-module pages "
				+ "(`velocity.hmr.bundle.enabled=false`), measured for comparison.\n\n");
		md.append("| Target | Measured | Limit | Verdict |\n| --- | ---: | ---: | --- |\n");
		verdicts.forEach((verdict) -> md.append("| ")
			.append(verdict.get("target"))
			.append(" | ")
			.append(verdict.get("value"))
			.append(" | ")
			.append(verdict.get("limit"))
			.append(" | ")
			.append(switch (Report.outcome(verdict)) {
				case "PASS" -> "PASS";
				case "FAIL" -> "**FAIL**";
				default -> "informational";
			})
			.append(" |\n"));
		latency(md, results);
		load(md, results);
		runtime(md, results);
		server(md, results);
		return md.toString();
	}

	@SuppressWarnings("unchecked")
	private static void latency(StringBuilder md, Map<String, Object> results) {
		if (!results.containsKey("leaf") && !results.containsKey("leaf1000")
				&& !results.containsKey("leafNative1000")) {
			return;
		}
		md.append(
				"\n### Save → DOM (ms; bundled pages, the default, unless stated)\n\n| Scenario | Edits | p50 | p95 | max | Failures | Reloads | Other tabs updated |\n")
			.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		Set<String> stages = new LinkedHashSet<>();
		SCENARIOS.forEach((key, name) -> {
			Map<String, Object> scenario = (Map<String, Object>) results.get(key);
			if (scenario == null) {
				return;
			}
			Map<String, Object> save = (Map<String, Object>) scenario.get("saveToDom");
			md.append("| ")
				.append(name)
				.append(" | ")
				.append(save.get("n"))
				.append(" | ")
				.append(save.get("p50"))
				.append(" | ")
				.append(save.get("p95"))
				.append(" | ")
				.append(save.get("max"))
				.append(" | ")
				.append(scenario.get("failures"))
				.append(" | ")
				.append(scenario.get("reloads"))
				.append(" | ")
				.append(scenario.containsKey("otherPages")
						? scenario.get("updatesOnOtherPages") + " / " + scenario.get("expectedUpdatesOnOtherPages")
						: "–")
				.append(" |\n");
			stages.addAll(((Map<String, Object>) scenario.get("stages")).keySet());
		});
		md.append("\n### Stage breakdown, p50 (p95) per update, ms\n\n")
			.append("detect: file write → first watcher event; quiet: first event → delivery; compile, graph: "
					+ "server stages; serverOther: the rest of the server's work; send: message handed to the socket "
					+ "→ received by the page; import: received → new module evaluated; receiveToDom: received → "
					+ "the `MutationObserver` saw the text; callbacksDone: received → accept callbacks done.\n\n| Stage |");
		List<String> keys = SCENARIOS.keySet().stream().filter(results::containsKey).toList();
		keys.forEach((key) -> md.append(' ').append(key).append(" |"));
		md.append("\n| --- |");
		keys.forEach((key) -> md.append(" ---: |"));
		md.append('\n');
		for (String stage : stages) {
			md.append("| ").append(stage).append(" |");
			for (String key : keys) {
				Object summary = ((Map<String, Object>) ((Map<String, Object>) results.get(key)).get("stages"))
					.get(stage);
				md.append(' ')
					.append((summary instanceof Map<?, ?> values) ? values.get("p50") + " (" + values.get("p95") + ")"
							: "–")
					.append(" |");
			}
			md.append('\n');
		}
	}

	@SuppressWarnings("unchecked")
	private static void load(StringBuilder md, Map<String, Object> results) {
		if (!results.containsKey("loadWarm1000") && !results.containsKey("loadBundledWarm1000")) {
			return;
		}
		md.append(
				"\n### Cold page load (fresh browser context, ms from navigation start; 1,000 modules unless stated)\n\n")
			.append("| Case | `load` event | Last module evaluated | Page received | Module requests "
					+ "| Last request issued | Last response | Median queued | Median server wait | modulepreload hints |\n")
			.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		Map<String, String> cases = new java.util.HashMap<>(Map.of("loadBundledAfterStartUp1000",
				"Bundled page (default), right after start-up of a JVM of its own (1 run)", "loadBundledWarm1000",
				"Bundled page (default), server warm (median of 5)", "loadBundledFloor1000",
				"Floor, interleaved with the bundled page (median of 5)", "loadBundledAfterStartUp10000",
				"Bundled page (default), 10,000 modules, right after start-up of a JVM of its own (1 run)",
				"loadBundledWarm10000", "Bundled page (default), 10,000 modules, server warm (median of 3)"));
		cases.putAll(Map.of("loadAfterStartUp1000",
				"Native modules, right after start-up, analyses kept by the previous run (1 run)", "loadWarm1000",
				"Native modules, server warm (median of 5)", "loadWarm1000NoPreload",
				"Native modules, server warm, no hints (median of 5)", "loadWarmChain100",
				"Native modules, chain of 100 modules, server warm (median of 5)", "loadWarmChain100NoPreload",
				"Native modules, chain of 100 modules, server warm, no hints (median of 5)", "loadStatic1000",
				"Floor: the same tree as 1,000 plain static `.js` files, same server (median of 5)",
				"loadAfterStartUp10000", "Native modules, 10,000 modules, first page right after start-up (1 run)"));
		for (String key : List.of("loadBundledAfterStartUp1000", "loadBundledWarm1000", "loadBundledFloor1000",
				"loadBundledAfterStartUp10000", "loadBundledWarm10000", "loadAfterStartUp1000", "loadWarm1000",
				"loadWarm1000NoPreload", "loadWarmChain100", "loadWarmChain100NoPreload", "loadStatic1000",
				"loadAfterStartUp10000")) {
			Map<String, Object> load = (Map<String, Object>) results.get(key);
			if (load != null) {
				md.append("| ")
					.append(cases.get(key))
					.append(" | ")
					.append(load.get("load"))
					.append(" | ")
					.append(load.get("lastModuleEvaluated"))
					.append(" | ")
					.append(load.get("documentResponseEnd"))
					.append(" | ")
					.append(load.get("requests"))
					.append(" | ")
					.append(load.get("lastRequestStart"))
					.append(" | ")
					.append(load.get("lastResponseEnd"))
					.append(" | ")
					.append(load.get("medianQueued"))
					.append(" | ")
					.append(load.get("medianServerWait"))
					.append(" | ")
					.append(load.get("preloadHints"))
					.append(" |\n");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void runtime(StringBuilder md, Map<String, Object> results) {
		if (!(results.get("runtime") instanceof Map<?, ?> runtime)) {
			return;
		}
		md.append("\n### Runtime operations (js-framework-benchmark keyed, ms, p50 of 15 runs)\n\n")
			.append("script: the write until it returns; layout: until a forced layout is done.\n\n")
			.append("| Operation | script | layout | layout p95 |\n| --- | ---: | ---: | ---: |\n");
		runtime.forEach((name, value) -> {
			Map<String, Object> operation = (Map<String, Object>) value;
			Map<String, Object> script = (Map<String, Object>) operation.get("script");
			Map<String, Object> layout = (Map<String, Object>) operation.get("layout");
			md.append("| ")
				.append(name)
				.append(" | ")
				.append(script.get("p50"))
				.append(" | ")
				.append(layout.get("p50"))
				.append(" | ")
				.append(layout.get("p95"))
				.append(" |\n");
		});
	}

	@SuppressWarnings("unchecked")
	private static void server(StringBuilder md, Map<String, Object> results) {
		if (results.get("compile") instanceof Map<?, ?> compile) {
			md.append(
					"\n### Compile (JMH, hot mode, through the compile service)\n\n| Benchmark | Score | Error | Unit |\n")
				.append("| --- | ---: | ---: | --- |\n");
			compile.forEach((name, value) -> {
				Map<String, Object> score = (Map<String, Object>) value;
				md.append("| ")
					.append(name)
					.append(" | ")
					.append(score.get("score"))
					.append(" | ± ")
					.append(score.get("error"))
					.append(" | ")
					.append(score.get("unit"))
					.append(" |\n");
			});
		}
		if (results.get("startUp") instanceof Map<?, ?> startUp) {
			md.append("\n### Start-up (JVM start → application ready, sample front end, ")
				.append(startUp.get("runs"))
				.append(" runs each, alternating)\n\n| | Without the starter | With the starter | Added |\n")
				.append("| --- | ---: | ---: | ---: |\n| Median | ")
				.append(startUp.get("medianWithoutMillis"))
				.append(" ms | ")
				.append(startUp.get("medianWithMillis"))
				.append(" ms | ")
				.append(startUp.get("addedMillis"))
				.append(" ms |\n| Fastest | ")
				.append(startUp.get("minWithoutMillis"))
				.append(" ms | ")
				.append(startUp.get("minWithMillis"))
				.append(" ms | ")
				.append(startUp.get("addedMinMillis"))
				.append(" ms |\n| CPU time, median | ")
				.append(startUp.get("medianCpuWithoutMillis"))
				.append(" ms | ")
				.append(startUp.get("medianCpuWithMillis"))
				.append(" ms | ")
				.append(startUp.get("addedCpuMillis"))
				.append(" ms |\n");
			if (startUp.containsKey("addedMainThreadCpuMillis")) {
				md.append("| Main thread's CPU time, median | ")
					.append(startUp.get("medianMainThreadCpuWithoutMillis"))
					.append(" ms | ")
					.append(startUp.get("medianMainThreadCpuWithMillis"))
					.append(" ms | ")
					.append(startUp.get("addedMainThreadCpuMillis"))
					.append(" ms |\n");
			}
		}
		if (results.containsKey("heap1000")) {
			md.append("\n### Heap after a forced GC, every module served once (MB)\n\n")
				.append("| Project | Without the starter | With the starter | Added | Added, compile cache cleared "
						+ "| Serving all, first / second time (6 connections) |\n")
				.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
			for (String key : List.of("heap1000", "heap10000")) {
				Map<String, Object> heap = (Map<String, Object>) results.get(key);
				if (heap != null) {
					md.append("| ")
						.append(heap.get("modulesServed"))
						.append(" modules | ")
						.append(heap.get("withoutStarterMb"))
						.append(" | ")
						.append(heap.get("withStarterMb"))
						.append(" | ")
						.append(heap.get("addedMb"))
						.append(" | ")
						.append(heap.get("addedWithoutCompileCacheMb"))
						.append(" | ")
						.append(heap.get("firstServeAllMillis"))
						.append(" ms / ")
						.append(heap.get("secondServeAllMillis"))
						.append(" ms |\n");
				}
			}
		}
	}

}

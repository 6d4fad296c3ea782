package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keyed-table benchmark's verdicts and table: printed, written to
 * {@code benchmarks/target/dom-results.json} and {@code .md}, and into
 * {@code docs/performance.md} between its {@code dom} markers.
 */
final class DomReport {

	private DomReport() {
	}

	@SuppressWarnings("unchecked")
	static void write(Path repository, Map<String, Object> results, String machine) throws IOException {
		List<String> implementations = (List<String>) results.get("implementations");
		Map<String, Map<String, List<Double>>> times = (Map<String, Map<String, List<Double>>>) results.get("times");
		StringBuilder md = new StringBuilder();
		md.append("Medians of ")
			.append(results.get("samples"))
			.append(" interleaved samples, click to next frame")
			.append(" committed, in ms; ")
			.append(machine)
			.append(".\n\n| Operation |");
		implementations.forEach((name) -> md.append(' ').append(name).append(" |"));
		implementations.stream().skip(1).forEach((name) -> md.append(' ').append(name).append(" / vanilla |"));
		md.append("\n|---|").append("---:|".repeat(implementations.size() * 2 - 1)).append('\n');
		List<Double> velocityRatios = new ArrayList<>();
		List<Double> solidRatios = new ArrayList<>();
		double worst = 0;
		String worstOperation = "";
		for (DomOperation operation : DomOperation.values()) {
			Map<String, List<Double>> samples = times.get(operation.key());
			double vanilla = Stats.median(samples.get("vanilla"));
			md.append("| ").append(operation.label()).append(" |");
			implementations
				.forEach((name) -> md.append(' ').append(format(Stats.median(samples.get(name)))).append(" |"));
			for (String name : implementations.subList(1, implementations.size())) {
				double ratio = Stats.median(samples.get(name)) / vanilla;
				md.append(' ').append(format(ratio)).append("× |");
				if (name.equals("velocity")) {
					velocityRatios.add(ratio);
					if (ratio > worst) {
						worst = ratio;
						worstOperation = operation.label();
					}
				}
				else {
					solidRatios.add(ratio);
				}
			}
			md.append('\n');
		}
		double geomean = geometricMean(velocityRatios);
		md.append("| **geometric mean** |").append(" |".repeat(implementations.size()));
		md.append(' ').append(format(geomean)).append("× |");
		if (!solidRatios.isEmpty()) {
			md.append(' ').append(format(geometricMean(solidRatios))).append("× |");
		}
		Map<String, Object> heap = (Map<String, Object>) results.get("heapMb");
		Map<String, Object> listeners = (Map<String, Object>) results.get("listeners");
		md.append("\n| JS heap after 1,000 rows (MB) |");
		implementations.forEach((name) -> md.append(' ').append(heap.get(name)).append(" |"));
		md.append("\n| event listeners the app added, after 1,000 rows |");
		implementations.forEach((name) -> md.append(' ').append(listeners.get(name)).append(" |"));
		md.append("\n\n");
		List<String> verdicts = new ArrayList<>();
		verdicts.add(verdict("geometric mean ≤ 1.05× vanilla", format(geomean) + "×", geomean <= 1.05));
		verdicts.add(verdict("every operation ≤ 1.15× vanilla", "worst " + format(worst) + "× (" + worstOperation + ")",
				worst <= 1.15));
		double velocityHeap = ((Number) heap.get("velocity")).doubleValue();
		if (heap.containsKey("solid")) {
			double solidHeap = ((Number) heap.get("solid")).doubleValue();
			verdicts.add(verdict("JS heap after 1,000 rows ≤ Solid's", velocityHeap + " MB vs " + solidHeap + " MB",
					velocityHeap <= solidHeap));
		}
		else {
			verdicts.add("- n/a JS heap after 1,000 rows ≤ Solid's: " + velocityHeap
					+ " MB (no Solid build given: -Dbenchmark.solid)");
		}
		int velocityListeners = ((Number) listeners.get("velocity")).intValue();
		verdicts.add(verdict("event listeners the app added after 1,000 rows ≤ 15", String.valueOf(velocityListeners),
				velocityListeners <= 15));
		verdicts.forEach((line) -> System.out.println("[benchmark] " + line.substring(2)));
		md.append(String.join("\n", verdicts)).append('\n');
		Path markdown = ReportFiles.writeTarget(repository, "dom-results.md", md);
		ReportFiles.writeTarget(repository, "dom-results.json", results);
		Path doc = ReportFiles.replaceSection(repository, "dom", md);
		System.out.println("[benchmark] wrote " + markdown + " and " + doc);
	}

	private static String verdict(String target, String value, boolean pass) {
		return "- " + (pass ? "PASS" : "FAIL") + " " + target + ": " + value;
	}

	private static double geometricMean(List<Double> values) {
		double logSum = 0;
		for (double value : values) {
			logSum += Math.log(value);
		}
		return Math.exp(logSum / values.size());
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}

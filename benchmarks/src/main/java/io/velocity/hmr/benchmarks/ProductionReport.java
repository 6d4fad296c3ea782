package io.velocity.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The production benchmark's table and verdicts: printed, written to
 * {@code benchmarks/target/production.json} and {@code .md}, and into
 * {@code docs/performance.md} between its {@code production} markers.
 */
final class ProductionReport {

	private ProductionReport() {
	}

	@SuppressWarnings("unchecked")
	static void write(Path repository, Map<String, Object> results) throws IOException {
		Map<String, Object> velocity = (Map<String, Object>) results.get("velocity");
		Map<String, Object> dev = (Map<String, Object>) results.get("dev");
		Map<String, Object> vite = (Map<String, Object>) results.get("vite");
		Map<String, Object> machine = (Map<String, Object>) results.get("machine");
		StringBuilder md = new StringBuilder();
		md.append("1,000 generated components (four levels, one entry), ")
			.append(machine.get("nproc"))
			.append(" cores, ")
			.append(machine.get("cpu"))
			.append(", Chromium ")
			.append(machine.get("chromium"))
			.append("; load average (1, 5, 15 min) ")
			.append(loadAverage(results.get("loadAverageAtStart")))
			.append(" at the start, ")
			.append(loadAverage(results.get("loadAverageAtEnd")))
			.append(" at the end")
			.append((vite != null) ? "; " + results.get("viteVersions") : "")
			.append(".\n\n| | Velocity production | Velocity development (bundled page) | Vite production |\n|---|---:|---:|---:|\n");
		row(md, "cold load, `load` event (ms, median of " + ProductionBenchmark.LOADS + ")", velocity, dev, vite,
				"cold", "load");
		row(md, "cold load, page received (ms)", velocity, dev, vite, "cold", "document");
		row(md, "cold load, app rendered (ms)", velocity, dev, vite, "cold", "rendered");
		row(md, "requests", velocity, dev, vite, "cold", "requests");
		row(md, "transferred (KiB)", velocity, dev, vite, "cold", "transferredKiB");
		md.append("| build, a process of its own (ms, median of ")
			.append(ProductionBenchmark.BUILDS)
			.append(") | ")
			.append(format(velocity.get("buildMs")))
			.append(" (the build itself: ")
			.append(format(velocity.get("buildReportedMs")))
			.append(") | | ")
			.append((vite != null) ? format(vite.get("buildMs")) : "n/a")
			.append(" |\n");
		row(md, "scripts and style sheets (files)", velocity, null, vite, "sizes", "files");
		row(md, "raw (KiB)", velocity, null, vite, "sizes", "rawKiB");
		row(md, "gzip -9 (KiB)", velocity, null, vite, "sizes", "gzipKiB");
		row(md, "brotli q11 (KiB)", velocity, null, vite, "sizes", "brotliKiB");
		row(md, "repeat visit (median of " + ProductionBenchmark.REPEATS
				+ "): fingerprinted files fetched or revalidated", velocity, null, vite, "repeat", "hashedFromNetwork");
		row(md, "repeat visit: fingerprinted files from the cache", velocity, null, vite, "repeat", "hashedFromCache");
		row(md, "repeat visit, page received (ms)", velocity, null, vite, "repeat", "document");
		row(md, "repeat visit, `load` event (ms)", velocity, null, vite, "repeat", "load");
		md.append('\n');
		List<String> verdicts = verdicts(velocity, vite, results);
		verdicts.forEach((line) -> BenchmarkRunner.log(line.substring(2)));
		md.append(String.join("\n", verdicts)).append('\n');
		Path markdown = ReportFiles.writeTarget(repository, "production.md", md);
		ReportFiles.writeTarget(repository, "production.json", results);
		Path doc = ReportFiles.replaceSection(repository, "production", md);
		System.out.println(md);
		BenchmarkRunner.log("wrote " + markdown + " and " + doc);
	}

	private static List<String> verdicts(Map<String, Object> velocity, Map<String, Object> vite,
			Map<String, Object> results) {
		List<String> verdicts = new ArrayList<>();
		double hashed = value(velocity, "repeat", "hashedFromNetwork");
		if (vite == null) {
			verdicts.add("- n/a the comparisons with Vite: " + results.get("viteMissing"));
		}
		else {
			double load = value(velocity, "cold", "load");
			double viteLoad = value(vite, "cold", "load");
			verdicts.add(verdict("production cold load ≤ Vite's", format(load) + " ms vs " + format(viteLoad) + " ms",
					load <= viteLoad));
			double gzip = value(velocity, "sizes", "gzipKiB");
			double viteGzip = value(vite, "sizes", "gzipKiB");
			verdicts.add(verdict("gzip size ≤ 1.2× Vite's",
					format(gzip) + " KiB vs " + format(viteGzip) + " KiB (" + format(gzip / viteGzip) + "×)",
					gzip <= 1.2 * viteGzip));
			double build = ((Number) velocity.get("buildMs")).doubleValue();
			double viteBuild = ((Number) vite.get("buildMs")).doubleValue();
			verdicts.add(verdict("build time ≤ Vite's", format(build) + " ms vs " + format(viteBuild) + " ms",
					build <= viteBuild));
		}
		verdicts.add(verdict("repeat visit with a warm cache: no request for a fingerprinted file",
				format(hashed) + " requests", hashed == 0));
		return verdicts;
	}

	@SuppressWarnings("unchecked")
	private static void row(StringBuilder md, String label, Map<String, Object> velocity, Map<String, Object> dev,
			Map<String, Object> vite, String group, String key) {
		md.append("| ").append(label).append(" |");
		for (Map<String, Object> column : new Map[] { velocity, dev, vite }) {
			md.append(' ');
			if (column != null && column.get(group) instanceof Map<?, ?> values && values.get(key) != null) {
				md.append(format(values.get(key)));
			}
			md.append(" |");
		}
		md.append('\n');
	}

	@SuppressWarnings("unchecked")
	private static double value(Map<String, Object> results, String group, String key) {
		return ((Number) ((Map<String, Object>) results.get(group)).get(key)).doubleValue();
	}

	private static String loadAverage(Object loadavg) {
		String[] parts = String.valueOf(loadavg).split(" ");
		return (parts.length >= 3) ? parts[0] + ", " + parts[1] + ", " + parts[2] : String.valueOf(loadavg);
	}

	private static String verdict(String target, String value, boolean pass) {
		return "- " + (pass ? "PASS" : "FAIL") + " " + target + ": " + value;
	}

	private static String format(Object value) {
		double number = ((Number) value).doubleValue();
		return (number == Math.rint(number) && Math.abs(number) < 1e9) ? String.valueOf((long) number)
				: String.format(Locale.ROOT, "%.1f", number);
	}

}

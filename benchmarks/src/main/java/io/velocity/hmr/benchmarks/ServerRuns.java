package io.velocity.hmr.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Start-up time and heap, each measured in a JVM of its own ({@link ServerProbe}).
 */
final class ServerRuns {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ServerRuns() {
	}

	/**
	 * Start the app with and without Velocity HMR, alternating, and keep the medians.
	 */
	static Map<String, Object> startUp(Path sourceRoot, PageMode mode, int runs)
			throws IOException, InterruptedException {
		List<Double> with = new ArrayList<>();
		List<Double> without = new ArrayList<>();
		List<Double> cpuWith = new ArrayList<>();
		List<Double> cpuWithout = new ArrayList<>();
		List<Double> mainWith = new ArrayList<>();
		List<Double> mainWithout = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			Map<String, Object> plain = probe("without", sourceRoot, mode, false);
			without.add(number(plain, "jvmUptimeAtReadyMillis"));
			cpuWithout.add(number(plain, "cpuMillisAtReady"));
			mainWithout.add(number(plain, "mainThreadCpuMillisAtReady"));
			Map<String, Object> starter = probe("with", sourceRoot, mode, false);
			with.add(number(starter, "jvmUptimeAtReadyMillis"));
			cpuWith.add(number(starter, "cpuMillisAtReady"));
			mainWith.add(number(starter, "mainThreadCpuMillisAtReady"));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("runs", runs);
		result.put("withoutMillis", without);
		result.put("withMillis", with);
		result.put("medianWithoutMillis", Stats.median(without));
		result.put("medianWithMillis", Stats.median(with));
		result.put("addedMillis", Stats.round(Stats.median(with) - Stats.median(without)));
		// On a shared machine the fastest run is the least disturbed one.
		result.put("minWithoutMillis", Stats.percentile(without, 0));
		result.put("minWithMillis", Stats.percentile(with, 0));
		result.put("addedMinMillis", Stats.round(Stats.percentile(with, 0) - Stats.percentile(without, 0)));
		result.put("medianCpuWithoutMillis", Stats.median(cpuWithout));
		result.put("medianCpuWithMillis", Stats.median(cpuWith));
		result.put("addedCpuMillis", Stats.round(Stats.median(cpuWith) - Stats.median(cpuWithout)));
		result.put("medianMainThreadCpuWithoutMillis", Stats.median(mainWithout));
		result.put("medianMainThreadCpuWithMillis", Stats.median(mainWith));
		result.put("addedMainThreadCpuMillis", Stats.round(Stats.median(mainWith) - Stats.median(mainWithout)));
		return result;
	}

	/**
	 * The heap after serving every module of a project, against the app without Velocity
	 * HMR on the same project.
	 */
	static Map<String, Object> heap(Path sourceRoot, PageMode mode) throws IOException, InterruptedException {
		Map<String, Object> without = probe("without", sourceRoot, mode, false);
		Map<String, Object> with = probe("with", sourceRoot, mode, true);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("modulesServed", with.get("modulesServed"));
		result.put("firstServeAllMillis", with.get("firstServeAllMillis"));
		result.put("secondServeAllMillis", with.get("secondServeAllMillis"));
		double base = number(without, "heapUsedBytes");
		result.put("withoutStarterMb", mb(base));
		result.put("withStarterMb", mb(number(with, "heapUsedBytes")));
		result.put("withStarterCompileCacheClearedMb", mb(number(with, "heapUsedWithoutCompileCacheBytes")));
		result.put("addedMb", mb(number(with, "heapUsedBytes") - base));
		result.put("addedWithoutCompileCacheMb", mb(number(with, "heapUsedWithoutCompileCacheBytes") - base));
		return result;
	}

	private static double mb(double bytes) {
		return Stats.round(bytes / (1024 * 1024));
	}

	private static double number(Map<String, Object> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> probe(String starter, Path sourceRoot, PageMode mode, boolean load)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), ServerProbe.class.getName(), starter,
						sourceRoot.toString(), mode.name().toLowerCase(java.util.Locale.ROOT)));
		if (load) {
			command.add("load");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String result = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.append(line).append('\n');
				if (line.startsWith("RESULT ")) {
					result = line.substring("RESULT ".length());
				}
			}
		}
		process.waitFor();
		if (result == null) {
			throw new IllegalStateException("Probe '" + mode + "' printed no result:\n" + output);
		}
		return json.readValue(result, Map.class);
	}

}

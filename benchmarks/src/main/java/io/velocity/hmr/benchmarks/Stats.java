package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percentiles of a sample, nearest-rank.
 */
final class Stats {

	private Stats() {
	}

	static double percentile(Collection<Double> values, double percentile) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static double median(Collection<Double> values) {
		return percentile(values, 50);
	}

	static double max(Collection<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	static Map<String, Object> summary(Collection<Double> values) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("n", values.size());
		summary.put("p50", round(percentile(values, 50)));
		summary.put("p95", round(percentile(values, 95)));
		summary.put("max", round(max(values)));
		return summary;
	}

	static double round(double value) {
		return Double.isNaN(value) ? value : Math.round(value * 100.0) / 100.0;
	}

}

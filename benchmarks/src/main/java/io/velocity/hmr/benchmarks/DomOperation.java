package io.velocity.hmr.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The operations of js-framework-benchmark's keyed table: the clicks that set the page up
 * (warm-up included), and the click that is timed.
 */
enum DomOperation {

	CREATE("create 1,000 rows", repeat(5, "#run", "#clear"), "#run"),

	REPLACE("replace all rows", repeat(5, "#run"), "#run"),

	UPDATE("update every 10th row", concat(List.of("#run"), repeat(3, "#update")), "#update"),

	SELECT("select row", concat(List.of("#run"), repeat(5, "tbody tr:nth-child(5) a.lbl")),
			"tbody tr:nth-child(2) a.lbl"),

	SWAP("swap rows", concat(List.of("#run"), repeat(4, "#swaprows")), "#swaprows"),

	REMOVE("remove row", concat(List.of("#run"), repeat(5, "tbody tr:nth-child(10) a.remove")),
			"tbody tr:nth-child(4) a.remove"),

	CREATE_MANY("create 10,000 rows", repeat(3, "#run", "#clear"), "#runlots"),

	APPEND("append 1,000 rows", concat(repeat(3, "#run", "#add"), List.of("#run")), "#add"),

	CLEAR("clear rows", concat(repeat(3, "#run", "#clear"), List.of("#run")), "#clear");

	private final String label;

	private final List<String> setUp;

	private final String timed;

	DomOperation(String label, List<String> setUp, String timed) {
		this.label = label;
		this.setUp = setUp;
		this.timed = timed;
	}

	String key() {
		return name().toLowerCase();
	}

	String label() {
		return this.label;
	}

	List<String> setUp() {
		return this.setUp;
	}

	String timed() {
		return this.timed;
	}

	private static List<String> repeat(int times, String... clicks) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			Collections.addAll(result, clicks);
		}
		return result;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> result = new ArrayList<>(first);
		result.addAll(second);
		return result;
	}

}

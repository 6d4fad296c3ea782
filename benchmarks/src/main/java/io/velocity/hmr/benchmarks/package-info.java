/**
 * Benchmarks of Velocity HMR: save-to-DOM latency in Chromium with a stage breakdown,
 * cold page loads, compile throughput (JMH), start-up time and heap. Run with
 * {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am verify -DskipTests -Dbenchmark}; see
 * {@code docs/performance.md}.
 */
package io.velocity.hmr.benchmarks;

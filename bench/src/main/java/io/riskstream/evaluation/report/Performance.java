package io.riskstream.evaluation.report;

import io.riskstream.bench.LatencyRecorder;

/**
 * How fast the platform went through the replay: transactions scored, wall-clock time, and the
 * end-to-end latency percentiles (nearest rank). Latencies are NaN when none was measured.
 */
public record Performance(
    long transactions,
    double wallSeconds,
    double latencyP50Ms,
    double latencyP99Ms,
    double latencyP999Ms) {

  /**
   * @param latencyMs end-to-end latencies in milliseconds, one per scored transaction or a sample
   */
  public static Performance of(long transactions, double wallSeconds, LatencyRecorder latencyMs) {
    if (latencyMs.count() == 0) {
      return new Performance(transactions, wallSeconds, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Performance(
        transactions,
        wallSeconds,
        latencyMs.percentile(50),
        latencyMs.percentile(99),
        latencyMs.percentile(99.9));
  }

  /** Transactions scored per wall-clock second; NaN for a run that took no time. */
  public double throughputPerSecond() {
    return wallSeconds > 0 ? transactions / wallSeconds : Double.NaN;
  }
}

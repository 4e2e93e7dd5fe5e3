package io.riskstream.bench;

/**
 * The p50, p99 and p99.9 of a set of latencies (nearest rank, see {@link LatencyRecorder}).
 *
 * @param count latencies they are of; 0 when there were none, and then every percentile is 0
 */
record Percentiles(int count, long p50, long p99, long p999) {
  static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

  static Percentiles of(LatencyRecorder latencies) {
    if (latencies.count() == 0) {
      return NONE;
    }
    return new Percentiles(
        latencies.count(),
        latencies.percentile(50),
        latencies.percentile(99),
        latencies.percentile(99.9));
  }
}

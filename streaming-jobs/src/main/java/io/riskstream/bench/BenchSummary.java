package io.riskstream.bench;

import java.util.Locale;

/**
 * The figures of one {@code riskstream bench features} run; {@link #line()} is its last line.
 *
 * @param transactions replayed through each bounded job
 * @param features the feature job's replay
 * @param passthrough the Kafka→Kafka pass-through job's replay
 * @param liveMeasured transactions whose produce→featured-output latency was measured
 * @param p50LatencyMs median of those latencies
 * @param p99LatencyMs 99th percentile of those latencies
 */
public record BenchSummary(
    long transactions,
    JobTiming features,
    JobTiming passthrough,
    int liveMeasured,
    long p50LatencyMs,
    long p99LatencyMs) {

  /** features / passthrough throughput, both from submission to finish. */
  public double ratio() {
    return features.txnPerSecond() / passthrough.txnPerSecond();
  }

  /** The four figures first, then the details. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "features_txn_per_s=%.0f passthrough_txn_per_s=%.0f ratio=%.2f p99_feature_latency_ms=%d"
            + " p50_feature_latency_ms=%d features_steady_txn_per_s=%.0f"
            + " passthrough_steady_txn_per_s=%.0f features_s=%.1f passthrough_s=%.1f"
            + " transactions=%d live_measured=%d",
        features.txnPerSecond(),
        passthrough.txnPerSecond(),
        ratio(),
        p99LatencyMs,
        p50LatencyMs,
        features.steadyTxnPerSecond(),
        passthrough.steadyTxnPerSecond(),
        features.seconds(),
        passthrough.seconds(),
        transactions,
        liveMeasured);
  }
}

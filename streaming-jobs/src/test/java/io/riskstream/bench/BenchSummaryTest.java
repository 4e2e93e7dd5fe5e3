package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchSummaryTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void lineStartsWithTheIssuesFourFiguresThenDetails() {
    // 1,000 records: features in 4 s (first output after 2 s), pass-through in 1 s (0.5 s).
    JobTiming features = new JobTiming(1000, 0, 2 * SECOND, 4 * SECOND);
    JobTiming passthrough = new JobTiming(1000, 10 * SECOND, 10 * SECOND + SECOND / 2, 11 * SECOND);
    BenchSummary summary = new BenchSummary(1000, features, passthrough, 40_000, 310, 870);

    assertThat(summary.ratio()).isEqualTo(0.25);
    assertThat(summary.line())
        .isEqualTo(
            "features_txn_per_s=250 passthrough_txn_per_s=1000 ratio=0.25"
                + " p99_feature_latency_ms=870 p50_feature_latency_ms=310"
                + " features_steady_txn_per_s=500 passthrough_steady_txn_per_s=2000"
                + " features_s=4.0 passthrough_s=1.0 transactions=1000 live_measured=40000");
  }

  @Test
  void lineIsOneLineOfKeyValuePairs() {
    JobTiming timing = new JobTiming(3, 0, SECOND, 3 * SECOND);
    String line = new BenchSummary(3, timing, timing, 1, 1, 1).line();
    assertThat(line).doesNotContain("\n");
    assertThat(line.split(" ")).allMatch(pair -> pair.matches("[a-z0-9_]+=[0-9.]+"));
  }

  @Test
  void timingRefusesAFirstOutputOutsideTheRun() {
    assertThatThrownBy(() -> new JobTiming(1, 5, 4, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobTiming(1, 5, 11, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void steadyRateOfAnInstantFirstOutputIsFinite() {
    JobTiming timing = new JobTiming(10, 0, SECOND, SECOND);
    assertThat(timing.steadyTxnPerSecond()).isFinite();
  }
}

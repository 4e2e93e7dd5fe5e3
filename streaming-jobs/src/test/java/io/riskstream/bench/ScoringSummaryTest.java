package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringSummaryTest {

  private static final ScoringPoint B256 =
      new ScoringPoint(1, 256, 100, 50_000.4, 5_000_000, 7_250_000);
  private static final ScoringPoint B256_TWO =
      new ScoringPoint(2, 256, 150, 80_000, 6_000_000, 9_000_000);

  /** Sparse 10 us per sequence (2.56 ms per call of 256), dense 25 us. */
  private static final CostPoint L256 =
      new CostPoint(
          256,
          12,
          256,
          new ScoringPoint(1, 256, 10, 100_000, 2_560_000, 3_000_000),
          new ScoringPoint(1, 256, 10, 40_000, 6_400_000, 7_000_000));

  @Test
  void lineStartsWithTheIssuesThreeFiguresThenOtherThreadCounts() {
    ScoringSummary summary =
        new ScoringSummary(
            List.of(new ScoringPoint(1, 1, 9, 5_000, 200_000, 400_000), B256, B256_TWO),
            List.of(L256));

    assertThat(summary.line())
        .isEqualTo(
            "seq_per_s_b256=50000 p99_ms_b256=7.250 topk_vs_dense_speedup_L256=2.50"
                + " p50_ms_b256=5.000 seq_per_s_b256_2threads=80000 p99_ms_b256_2threads=9.000");
  }

  @Test
  void speedupIsDenseOverSparseMedianTimePerSequence() {
    assertThat(L256.sparse().p50MicrosPerSequence()).isEqualTo(10.0);
    assertThat(L256.dense().p50MicrosPerSequence()).isEqualTo(25.0);
    assertThat(L256.speedup()).isEqualTo(2.5);
    // The mean is per thread: two threads at 80,000 seq/s together take 25 us each per sequence.
    assertThat(B256_TWO.meanMicrosPerSequence()).isEqualTo(25.0);
  }

  @Test
  void refusesALineWithoutItsKeyPoints() {
    assertThatThrownBy(() -> new ScoringSummary(List.of(B256_TWO), List.of(L256)).line())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("B=256 with 1 thread(s) was not measured");
    assertThatThrownBy(() -> new ScoringSummary(List.of(B256), List.of()).line())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("L=256 was not measured");
  }
}

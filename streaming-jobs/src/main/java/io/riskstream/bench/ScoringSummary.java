package io.riskstream.bench;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code riskstream bench scoring} run; {@link #line()} is its last line.
 *
 * @param throughput every (threads, batch size) point of the default model
 * @param curve sparse versus dense, one point per history length
 */
public record ScoringSummary(List<ScoringPoint> throughput, List<CostPoint> curve) {

  /** The batch size and history length the line's three leading figures are for. */
  public static final int KEY_BATCH = 256;

  public static final int KEY_LENGTH = 256;

  public ScoringSummary {
    throughput = List.copyOf(throughput);
    curve = List.copyOf(curve);
  }

  /**
   * {@code seq_per_s_b256=X p99_ms_b256=Y topk_vs_dense_speedup_L256=Z} (one thread), then the
   * other thread counts' sequences/s at B = 256.
   *
   * @throws IllegalStateException when B = 256 with one thread or L = 256 was not measured
   */
  public String line() {
    ScoringPoint key = point(1, KEY_BATCH);
    CostPoint keyLength =
        curve.stream()
            .filter(p -> p.length() == KEY_LENGTH)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("L=" + KEY_LENGTH + " was not measured"));
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "seq_per_s_b256=%.0f p99_ms_b256=%.3f topk_vs_dense_speedup_L256=%.2f",
                key.seqPerSecond(),
                key.p99Ms(),
                keyLength.speedup()));
    line.append(String.format(Locale.ROOT, " p50_ms_b256=%.3f", key.p50Ms()));
    for (ScoringPoint p : throughput) {
      if (p.batchSize() == KEY_BATCH && p.threads() != 1) {
        line.append(
            String.format(
                Locale.ROOT,
                " seq_per_s_b256_%dthreads=%.0f p99_ms_b256_%dthreads=%.3f",
                p.threads(),
                p.seqPerSecond(),
                p.threads(),
                p.p99Ms()));
      }
    }
    return line.toString();
  }

  private ScoringPoint point(int threads, int batchSize) {
    return throughput.stream()
        .filter(p -> p.threads() == threads && p.batchSize() == batchSize)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "B=" + batchSize + " with " + threads + " thread(s) was not measured"));
  }
}

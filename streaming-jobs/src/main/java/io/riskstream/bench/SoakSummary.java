package io.riskstream.bench;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code riskstream bench soak} run; {@link #line()} is its last line.
 *
 * @param samples (minutes since the start, resident MB) after the warm-up
 * @param scored sequences scored after the warm-up
 * @param seconds measured seconds (after the warm-up)
 * @param versions model versions hot-swapped into the scorer, warm-up included
 * @param flagged scored sequences that were flagged and explained, after the warm-up
 */
public record SoakSummary(
    List<double[]> samples, long scored, double seconds, long versions, long flagged) {

  /** Resident memory is called flat when its trend stays within this many MB per minute. */
  static final double FLAT_MB_PER_MIN = 1.0;

  public SoakSummary {
    samples = List.copyOf(samples);
  }

  public double growthMbPerMinute() {
    return LinearTrend.slope(samples);
  }

  public boolean flat() {
    return Math.abs(growthMbPerMinute()) <= FLAT_MB_PER_MIN;
  }

  /**
   * {@code rss_growth_mb_per_min=X rss_flat=true|false rss_mb_start=… rss_mb_end=… rss_mb_max=…
   * seq_per_s=… versions=… flagged_share=… minutes=…}
   */
  public String line() {
    double max = samples.stream().mapToDouble(p -> p[1]).max().orElseThrow();
    return String.format(
        Locale.ROOT,
        "rss_growth_mb_per_min=%.2f rss_flat=%b rss_mb_start=%.0f rss_mb_end=%.0f rss_mb_max=%.0f"
            + " seq_per_s=%.0f versions=%d flagged_share=%.3f minutes=%.1f",
        growthMbPerMinute(),
        flat(),
        samples.get(0)[1],
        samples.get(samples.size() - 1)[1],
        max,
        scored / seconds,
        versions,
        scored == 0 ? 0.0 : (double) flagged / scored,
        seconds / 60);
  }
}

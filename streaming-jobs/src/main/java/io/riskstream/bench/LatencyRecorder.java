package io.riskstream.bench;

import java.util.Arrays;

/**
 * Collects latencies in milliseconds and answers nearest-rank percentiles. Keeps every sample (a
 * bench phase has tens of thousands), so percentiles are exact rather than bucketed. Not thread
 * safe: one consumer thread records.
 */
public final class LatencyRecorder {
  private long[] samples = new long[1024];
  private int count;

  public void record(long millis) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = millis;
  }

  public int count() {
    return count;
  }

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code p} percent of the samples
   * at or below it.
   *
   * @throws IllegalStateException when nothing was recorded
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    if (count == 0) {
      throw new IllegalStateException("no latencies recorded");
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(rank, 1) - 1];
  }
}

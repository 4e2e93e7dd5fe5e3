package io.riskstream.bench;

import java.util.Arrays;

/**
 * Collects latencies and answers nearest-rank percentiles, in the unit the caller records (the
 * features bench records milliseconds, the scoring bench nanoseconds). Keeps every sample (a bench
 * phase has tens of thousands), so percentiles are exact rather than bucketed. Not thread safe: one
 * thread records; recorders of several threads are combined with {@link #addAll} afterwards.
 */
public final class LatencyRecorder {
  private long[] samples = new long[1024];
  private int count;

  public void record(long latency) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = latency;
  }

  /** Adds every sample of {@code other}, which must have been recorded in the same unit. */
  public void addAll(LatencyRecorder other) {
    if (count + other.count > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + other.count));
    }
    System.arraycopy(other.samples, 0, samples, count, other.count);
    count += other.count;
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

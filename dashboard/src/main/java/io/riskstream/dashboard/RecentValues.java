package io.riskstream.dashboard;

import java.util.Arrays;

/**
 * The most recent values of a measurement (e.g. latencies), for percentiles that follow the live
 * traffic rather than the whole run. Not thread-safe; {@link LiveView} guards it.
 */
final class RecentValues {
  private final double[] values;
  private int size;
  private int next;

  RecentValues(int capacity) {
    values = new double[capacity];
  }

  void add(double value) {
    values[next] = value;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  int size() {
    return size;
  }

  /** The {@code q}-quantile (0..1) by the nearest-rank method; NaN when empty. */
  double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}

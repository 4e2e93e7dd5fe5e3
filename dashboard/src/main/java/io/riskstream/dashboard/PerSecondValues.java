package io.riskstream.dashboard;

/**
 * One value per wall-clock second over the last {@code seconds} (e.g. the latency percentile at
 * each second), NaN where none was recorded. Not thread-safe; {@link LiveView} guards it.
 */
final class PerSecondValues {
  private final double[] values;
  private final long[] secondOf;

  PerSecondValues(int seconds) {
    values = new double[seconds];
    secondOf = new long[seconds];
  }

  void set(long nowMillis, double value) {
    long second = nowMillis / 1000;
    int slot = (int) Math.floorMod(second, (long) values.length);
    secondOf[slot] = second;
    values[slot] = value;
  }

  /** The values of the last {@code n} whole seconds before the current one, oldest first. */
  double[] last(long nowMillis, int n) {
    long current = nowMillis / 1000;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long second = current - n + i;
      int slot = (int) Math.floorMod(second, (long) values.length);
      out[i] = secondOf[slot] == second ? values[slot] : Double.NaN;
    }
    return out;
  }
}

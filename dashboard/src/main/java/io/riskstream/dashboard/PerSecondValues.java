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
    int slot = slot(second);
    secondOf[slot] = second;
    values[slot] = value;
  }

  /** The value of a whole second, NaN if none was set or it has rolled out of the window. */
  double at(long second) {
    int slot = slot(second);
    return secondOf[slot] == second ? values[slot] : Double.NaN;
  }

  /** The values of the last {@code n} whole seconds before the current one, oldest first. */
  double[] last(long nowMillis, int n) {
    long current = nowMillis / 1000;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = at(current - n + i);
    }
    return out;
  }

  private int slot(long second) {
    return (int) Math.floorMod(second, (long) values.length);
  }
}

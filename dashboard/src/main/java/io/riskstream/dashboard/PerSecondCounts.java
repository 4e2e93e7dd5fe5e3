package io.riskstream.dashboard;

/**
 * Counts per wall-clock second over the last {@code seconds}: what a rate and its chart need, in
 * constant memory however fast records arrive. Not thread-safe; {@link LiveView} guards it.
 */
final class PerSecondCounts {
  private final PerSecondValues counts;

  PerSecondCounts(int seconds) {
    counts = new PerSecondValues(seconds);
  }

  void add(long nowMillis, long n) {
    counts.set(nowMillis, at(nowMillis / 1000) + n);
  }

  /** Records in the given whole second, 0 if it has rolled out of the window. */
  long at(long second) {
    double count = counts.at(second);
    return Double.isNaN(count) ? 0 : (long) count;
  }

  /**
   * The mean rate over the {@code window} whole seconds before the current one (the current one is
   * still filling).
   */
  double ratePerSecond(long nowMillis, int window) {
    long current = nowMillis / 1000;
    long sum = 0;
    for (long s = current - window; s < current; s++) {
      sum += at(s);
    }
    return (double) sum / window;
  }

  /** The counts of the last {@code n} whole seconds, oldest first. */
  long[] last(long nowMillis, int n) {
    long current = nowMillis / 1000;
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = at(current - n + i);
    }
    return out;
  }
}

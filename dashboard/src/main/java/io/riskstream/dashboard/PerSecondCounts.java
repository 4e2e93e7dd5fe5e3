package io.riskstream.dashboard;

/**
 * Counts per wall-clock second over the last {@code seconds}: what a rate and its chart need, in
 * constant memory however fast records arrive. Not thread-safe; {@link LiveView} guards it.
 */
final class PerSecondCounts {
  private final long[] counts;
  private final long[] secondOf;

  PerSecondCounts(int seconds) {
    counts = new long[seconds];
    secondOf = new long[seconds];
  }

  void add(long nowMillis, long n) {
    long second = nowMillis / 1000;
    int slot = slot(second);
    if (secondOf[slot] != second) {
      secondOf[slot] = second;
      counts[slot] = 0;
    }
    counts[slot] += n;
  }

  /** Records in the given whole second, 0 if it has rolled out of the window. */
  long at(long second) {
    int slot = slot(second);
    return secondOf[slot] == second ? counts[slot] : 0;
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

  private int slot(long second) {
    return (int) Math.floorMod(second, (long) counts.length);
  }
}

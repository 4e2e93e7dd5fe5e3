package io.riskstream.generator;

/**
 * Says how many records to send on each tick so that the average rate holds whatever the tick
 * length or the time spent sending: one sleep per record would drift and cap the rate at the timer
 * resolution. After a stall it catches up by at most one second's worth, rather than flood.
 */
public final class RateLimiter {
  private final double perNano;
  private final long maxBurst;
  private final long startNanos;
  private long issued;

  public RateLimiter(double perSecond, long startNanos) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be positive and finite: " + perSecond);
    }
    this.perNano = perSecond / 1e9;
    this.maxBurst = Math.max(1, (long) Math.ceil(perSecond));
    this.startNanos = startNanos;
  }

  /** Records to send now to be on schedule; counts them as issued. */
  public int permits(long nowNanos) {
    long due = (long) Math.floor((nowNanos - startNanos) * perNano);
    long owed = due - issued;
    if (owed > maxBurst) {
      // Forget the backlog beyond one burst: shift the schedule instead of flooding.
      issued = due - maxBurst;
      owed = maxBurst;
    }
    if (owed <= 0) {
      return 0;
    }
    issued += owed;
    return (int) Math.min(owed, Integer.MAX_VALUE);
  }
}

package io.riskstream.bench;

/**
 * One offered rate of {@code bench e2e}: what was sent in the measurement window, what came out and
 * how long it took, and whether the loop kept up.
 *
 * @param target the offered rate, transactions per second
 * @param seconds length of the measurement window
 * @param sent transactions sent (stamped) in the window
 * @param delivered of those, how many the read_committed consumer had by the end of the grace
 *     period after the window
 * @param written output records the broker appended during the window, whichever transaction they
 *     are for
 * @param latencyRiseMs how much the median send → appended latency rose from the window's first
 *     third to its last: a loop that falls behind by a share s of the offered rate adds s × elapsed
 *     time to every later transaction's wait
 * @param consumed send → consumed (read_committed) latencies of the delivered, ms
 * @param appended send → appended latencies of the delivered, ms: what a read_uncommitted consumer
 *     could have seen, before the exactly-once sink's checkpoint commits it
 */
record RatePhase(
    int target,
    double seconds,
    long sent,
    long delivered,
    long written,
    long latencyRiseMs,
    Percentiles consumed,
    Percentiles appended) {

  /** Below this share of the target the bench, not the loop, fell short. */
  static final double OFFERED_SHARE = 0.95;

  /** Falling behind by more than this share of the offered rate is not keeping up. */
  static final double BEHIND_SHARE = 0.05;

  /**
   * A stall of the job this long (a checkpoint, a GC pause) at the window's end may hold back that
   * much of the window's output without the loop having fallen behind.
   */
  static final double STALL_SECONDS = 1;

  /**
   * A rise in latency below this is noise (a checkpoint, a GC pause, the feature stages' hold) in a
   * short window, whatever share of it that is.
   */
  static final long RISE_NOISE_MS = 250;

  /** Whether the loop kept up with the offered rate. */
  enum Verdict {
    /**
     * The job wrote about as much as was sent during the window, every transaction sent in it came
     * out, and the latency did not climb.
     */
    SUSTAINED,
    /** A backlog grew: latencies would measure the queue, not the loop, so none are given. */
    UNSUSTAINED,
    /** The bench's own producer could not send the target rate: nothing was measured. */
    UNDER_OFFERED
  }

  /**
   * Works a phase out from the output log.
   *
   * @param from start of the window, epoch ms (inclusive)
   * @param until its end (exclusive)
   * @param sent transactions the producer stamped in [from, until)
   */
  static RatePhase of(int target, long from, long until, long sent, OutputLog log) {
    LatencyRecorder consumed = new LatencyRecorder();
    LatencyRecorder appended = new LatencyRecorder();
    LatencyRecorder firstThird = new LatencyRecorder();
    LatencyRecorder lastThird = new LatencyRecorder();
    long third = (until - from) / 3;
    long written = 0;
    for (int i = 0; i < log.size(); i++) {
      long sentAt = log.sentAt(i);
      long appendedAt = log.appendedAt(i);
      if (appendedAt >= from && appendedAt < until) {
        written++;
      }
      if (sentAt < from || sentAt >= until) {
        continue;
      }
      consumed.record(log.consumedAt(i) - sentAt);
      appended.record(appendedAt - sentAt);
      if (sentAt < from + third) {
        firstThird.record(appendedAt - sentAt);
      } else if (sentAt >= until - third) {
        lastThird.record(appendedAt - sentAt);
      }
    }
    long rise =
        firstThird.count() == 0 || lastThird.count() == 0
            ? 0
            : lastThird.percentile(50) - firstThird.percentile(50);
    return new RatePhase(
        target,
        (until - from) / 1e3,
        sent,
        consumed.count(),
        written,
        rise,
        Percentiles.of(consumed),
        Percentiles.of(appended));
  }

  double sentPerSecond() {
    return sent / seconds;
  }

  /** Output records per second the job wrote during the window: the rate it achieved. */
  double writtenPerSecond() {
    return written / seconds;
  }

  /**
   * The share of the offered rate the loop fell behind by, judged by the latency's rise between the
   * window's first and last thirds (their middles are two thirds of the window apart).
   */
  double behindShare() {
    return latencyRiseMs / (seconds * 1e3 * 2 / 3);
  }

  /** How fast the backlog grew, transactions per second; 0 when it did not. */
  double backlogGrowthPerSecond() {
    return Math.max(0, sentPerSecond() - writtenPerSecond());
  }

  Verdict verdict() {
    if (sentPerSecond() < OFFERED_SHARE * target) {
      return Verdict.UNDER_OFFERED;
    }
    boolean allOut = delivered >= sent;
    boolean wroteWhatCameIn = sent - written <= sentPerSecond() * writtenAllowanceSeconds();
    boolean latencyFlat = latencyRiseMs <= RISE_NOISE_MS || behindShare() <= BEHIND_SHARE;
    return allOut && wroteWhatCameIn && latencyFlat ? Verdict.SUSTAINED : Verdict.UNSUSTAINED;
  }

  /**
   * How many seconds' worth of the offered rate the job may have written less than was sent during
   * the window: a stall at its end, or falling behind by less than {@link #BEHIND_SHARE}. A job
   * that wrote less caught up only after the window, when the producer paused.
   */
  double writtenAllowanceSeconds() {
    return Math.max(STALL_SECONDS, BEHIND_SHARE * seconds);
  }

  boolean sustained() {
    return verdict() == Verdict.SUSTAINED;
  }
}

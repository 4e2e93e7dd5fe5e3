package io.riskstream.bench;

/**
 * How fast a job works off a backlog: its maximum throughput, the full loop included (the broker,
 * the job, its exactly-once sink). Measured by the broker's append times of the output, so the
 * sink's commits (once per checkpoint) do not make the rate lumpy.
 *
 * @param backlog transactions waiting when the measurement began
 * @param seconds how long the rate was measured
 * @param written output records appended in that time
 * @param producerBound true when the job kept pace with the bench's producer, so the backlog never
 *     built up: the rate is that of the burst as produced, a lower bound of the job's
 */
record DrainRate(long backlog, double seconds, long written, boolean producerBound) {

  /** A backlog drained in less than this after the burst had been sent never built up. */
  static final long MIN_SPAN_MS = 1_000;

  double txnPerSecond() {
    return seconds > 0 ? written / seconds : 0;
  }

  /**
   * Works the rate out from the output log after a burst.
   *
   * @param burstStart when the burst began to be sent, epoch ms
   * @param from when the measurement began (after the burst had been sent)
   * @param until when it ended
   * @param backlogLeft whether outputs were still missing at the end: the job was busy throughout
   * @param backlog transactions outstanding at {@code from}
   */
  static DrainRate of(
      OutputLog log, long burstStart, long from, long until, boolean backlogLeft, long backlog) {
    long last = Long.MIN_VALUE;
    for (int i = 0; i < log.size(); i++) {
      if (log.appendedAt(i) >= burstStart) {
        last = Math.max(last, log.appendedAt(i));
      }
    }
    if (backlogLeft || last >= until) {
      return new DrainRate(backlog, (until - from) / 1e3, countAppended(log, from, until), false);
    }
    if (last - from >= MIN_SPAN_MS) {
      // The backlog ran out inside the window: the rate until it did.
      return new DrainRate(
          backlog, (last + 1 - from) / 1e3, countAppended(log, from, last + 1), false);
    }
    if (last == Long.MIN_VALUE) {
      return new DrainRate(backlog, (until - from) / 1e3, 0, false);
    }
    return new DrainRate(
        backlog,
        Math.max(1, last + 1 - burstStart) / 1e3,
        countAppended(log, burstStart, last + 1),
        true);
  }

  private static long countAppended(OutputLog log, long from, long until) {
    long count = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.appendedAt(i) >= from && log.appendedAt(i) < until) {
        count++;
      }
    }
    return count;
  }
}

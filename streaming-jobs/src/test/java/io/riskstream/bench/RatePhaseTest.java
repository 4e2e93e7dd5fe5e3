package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.bench.RatePhase.Verdict;
import org.junit.jupiter.api.Test;

class RatePhaseTest {
  private static final long FROM = 1_000_000;
  private static final long UNTIL = FROM + 15_000;

  /**
   * A log of transactions sent every {@code everyMs} over [start, end), each appended {@code
   * appendMs} after sending plus {@code risePerMs} for every ms since the start, and consumed at
   * the next multiple of 2 s after that (one checkpoint commit every 2 s).
   */
  private static OutputLog log(long start, long end, long everyMs, long appendMs, double rise) {
    OutputLog log = new OutputLog();
    for (long sent = start; sent < end; sent += everyMs) {
      long appended = sent + appendMs + (long) (rise * (sent - start));
      long consumed = (appended / 2_000 + 1) * 2_000;
      log.add(sent, appended, consumed);
    }
    return log;
  }

  @Test
  void aLoopThatKeepsUpIsSustainedWithItsLatencies() {
    // 1,000 txn/s from 5 s before the window (the warm-up) to its end.
    OutputLog log = log(FROM - 5_000, UNTIL, 1, 40, 0);
    RatePhase phase = RatePhase.of(1000, FROM, UNTIL, 15_000, log);

    assertThat(phase.verdict()).isEqualTo(Verdict.SUSTAINED);
    assertThat(phase.delivered()).isEqualTo(15_000);
    assertThat(phase.sentPerSecond()).isEqualTo(1000);
    assertThat(phase.writtenPerSecond()).isEqualTo(1000);
    assertThat(phase.latencyRiseMs()).isZero();
    assertThat(phase.appended().p50()).isEqualTo(40);
    assertThat(phase.appended().p999()).isEqualTo(40);
    // Consumed at the commit after the append: up to 2 s later.
    assertThat(phase.consumed().p50()).isBetween(900L, 1100L);
    assertThat(phase.consumed().p99()).isBetween(1950L, 2040L);
    assertThat(phase.consumed().count()).isEqualTo(15_000);
  }

  @Test
  void aGrowingLatencyMeansABacklogEvenWhenEverythingCameOut() {
    // Falls 10 % behind: each transaction waits 0.1 ms longer per ms; all came out in the grace.
    OutputLog log = log(FROM, UNTIL, 1, 40, 0.1);
    RatePhase phase = RatePhase.of(1000, FROM, UNTIL, 15_000, log);

    assertThat(phase.delivered()).isEqualTo(phase.sent());
    assertThat(phase.latencyRiseMs()).isBetween(990L, 1010L);
    assertThat(phase.behindShare()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
    assertThat(phase.verdict()).isEqualTo(Verdict.UNSUSTAINED);
    assertThat(phase.sustained()).isFalse();
  }

  @Test
  void aSmallRiseIsNoise() {
    // 3 % behind over a 15 s window: a 300 ms rise, above the noise floor but under the 5 % share.
    OutputLog log = log(FROM, UNTIL, 1, 40, 0.03);
    assertThat(RatePhase.of(1000, FROM, UNTIL, 15_000, log).verdict()).isEqualTo(Verdict.SUSTAINED);

    // 10 % behind in a 1.5 s window: a 100 ms rise, under the noise floor.
    OutputLog shortLog = log(FROM, FROM + 1_500, 1, 40, 0.1);
    assertThat(RatePhase.of(1000, FROM, FROM + 1_500, 1_500, shortLog).verdict())
        .isEqualTo(Verdict.SUSTAINED);
  }

  @Test
  void aJobThatCaughtUpOnlyAfterTheWindowDidNotKeepUp() {
    // 200 txn/s in a 5 s window, but the job wrote out the window's transactions only in the grace
    // after it, once the producer had paused: they all came out, at a steady latency.
    OutputLog log = new OutputLog();
    for (long sent = FROM; sent < FROM + 5_000; sent += 5) {
      long appended = sent + 4_000;
      log.add(sent, appended, appended + 1_000);
    }
    RatePhase phase = RatePhase.of(200, FROM, FROM + 5_000, 1_000, log);

    assertThat(phase.delivered()).isEqualTo(1_000);
    assertThat(phase.latencyRiseMs()).isZero();
    assertThat(phase.written()).isEqualTo(200);
    assertThat(phase.verdict()).isEqualTo(Verdict.UNSUSTAINED);
  }

  @Test
  void aStallAtTheWindowsEndIsNotFallingBehind() {
    // The job wrote nothing in the window's last 800 ms (a checkpoint), then caught up.
    OutputLog log = new OutputLog();
    for (long sent = FROM - 5_000; sent < UNTIL; sent++) {
      long appended = sent + 40 >= UNTIL - 800 ? Math.max(sent + 40, UNTIL + 10) : sent + 40;
      log.add(sent, appended, appended + 1_000);
    }
    RatePhase phase = RatePhase.of(1000, FROM, UNTIL, 15_000, log);

    assertThat(phase.written()).isEqualTo(14_200);
    assertThat(phase.verdict()).isEqualTo(Verdict.SUSTAINED);
  }

  @Test
  void transactionsMissingAfterTheGraceMeanTheLoopFellBehind() {
    OutputLog log = log(FROM, UNTIL - 3_000, 1, 40, 0);
    RatePhase phase = RatePhase.of(1000, FROM, UNTIL, 15_000, log);

    assertThat(phase.delivered()).isEqualTo(12_000);
    assertThat(phase.verdict()).isEqualTo(Verdict.UNSUSTAINED);
    assertThat(phase.backlogGrowthPerSecond())
        .isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void writtenCountsEveryOutputAppendedInTheWindowWhateverItsSendTime() {
    OutputLog log = new OutputLog();
    log.add(
        FROM - 10_000, FROM + 1, FROM + 2_000); // a backlog's transaction, written in the window
    log.add(FROM + 1, FROM + 2, FROM + 2_000);
    log.add(FROM + 2, UNTIL + 5, UNTIL + 2_000); // sent in the window, written after it
    RatePhase phase = RatePhase.of(1, FROM, UNTIL, 2, log);

    assertThat(phase.written()).isEqualTo(2);
    assertThat(phase.delivered()).isEqualTo(2);
  }

  @Test
  void aProducerShortOfTheTargetMeasuresNothing() {
    OutputLog log = log(FROM, UNTIL, 1, 40, 0);
    // 15,000 sent in 15 s against 5,000 txn/s offered.
    RatePhase phase = RatePhase.of(5000, FROM, UNTIL, 15_000, log);
    assertThat(phase.verdict()).isEqualTo(Verdict.UNDER_OFFERED);
  }

  @Test
  void nothingDeliveredHasNoPercentiles() {
    RatePhase phase = RatePhase.of(1000, FROM, UNTIL, 15_000, new OutputLog());
    assertThat(phase.consumed()).isEqualTo(Percentiles.NONE);
    assertThat(phase.verdict()).isEqualTo(Verdict.UNSUSTAINED);
  }
}

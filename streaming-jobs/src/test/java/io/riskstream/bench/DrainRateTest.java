package io.riskstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainRateTest {
  private static final long BURST = 1_000_000;

  /** Outputs appended one every {@code everyMs} from {@code start} while {@code count} last. */
  private static OutputLog appended(long start, long everyMs, int count) {
    OutputLog log = new OutputLog();
    for (int i = 0; i < count; i++) {
      long at = start + i * everyMs;
      log.add(at - 5_000, at, at + 1_000);
    }
    return log;
  }

  @Test
  void aBacklogThatOutlastsTheWindowGivesTheRateInside() {
    // 500 outputs/s (one every 2 ms) for 30 s from the burst on; measured over [+2 s, +12 s).
    OutputLog log = appended(BURST, 2, 15_000);
    DrainRate drain = DrainRate.of(log, BURST, BURST + 2_000, BURST + 12_000, true, 9_000);

    assertThat(drain.txnPerSecond()).isEqualTo(500);
    assertThat(drain.seconds()).isEqualTo(10);
    assertThat(drain.producerBound()).isFalse();
    assertThat(drain.backlog()).isEqualTo(9_000);
  }

  @Test
  void aBacklogThatRunsOutEndsTheWindowWithIt() {
    // 4,000 outputs at 1 ms each: the last at +3,999 ms, inside a window to +12 s.
    OutputLog log = appended(BURST, 1, 4_000);
    DrainRate drain = DrainRate.of(log, BURST, BURST + 1_000, BURST + 12_000, false, 3_000);

    assertThat(drain.written()).isEqualTo(3_000);
    assertThat(drain.seconds()).isEqualTo(3.0);
    assertThat(drain.txnPerSecond()).isEqualTo(1000);
    assertThat(drain.producerBound()).isFalse();
  }

  @Test
  void aJobAsFastAsTheProducerGivesTheBurstsRateAsALowerBound() {
    // The last output came 200 ms after the measurement would have begun.
    OutputLog log = appended(BURST, 1, 1_200);
    DrainRate drain = DrainRate.of(log, BURST, BURST + 1_000, BURST + 11_000, false, 0);

    assertThat(drain.producerBound()).isTrue();
    assertThat(drain.written()).isEqualTo(1_200);
    assertThat(drain.seconds()).isEqualTo(1.2);
    assertThat(drain.txnPerSecond()).isEqualTo(1000);
  }

  @Test
  void outputsBeforeTheBurstDoNotCount() {
    OutputLog log = appended(BURST - 10_000, 1, 10_000);
    log.add(BURST, BURST + 5_000, BURST + 6_000);
    DrainRate drain = DrainRate.of(log, BURST, BURST + 1_000, BURST + 11_000, false, 1);

    assertThat(drain.written()).isEqualTo(1);
    assertThat(drain.seconds()).isEqualTo(4.001);
  }

  @Test
  void noOutputIsARateOfZero() {
    DrainRate drain = DrainRate.of(new OutputLog(), BURST, BURST + 1_000, BURST + 11_000, true, 50);
    assertThat(drain.txnPerSecond()).isZero();
  }
}

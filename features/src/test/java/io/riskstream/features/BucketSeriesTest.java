package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.features.spec.WindowTotals;
import org.junit.jupiter.api.Test;

class BucketSeriesTest {
  private static final long SECOND = 1_000;
  private static final long DAY = 86_400 * SECOND;

  @Test
  void aWindowIncludesItsEndAndExcludesItsStart() {
    BucketSeries series = new BucketSeries(SECOND, 2 * DAY);
    series.addTransaction(10 * SECOND, 5);
    series.addTransaction(10 * SECOND + DAY, 7);

    WindowTotals window = series.totals(10 * SECOND, 10 * SECOND + DAY);

    assertThat(window.count()).as("an event exactly one window old is out").isEqualTo(1);
    assertThat(window.sum()).isEqualTo(7);
    assertThat(series.totals(10 * SECOND - 1, 10 * SECOND + DAY).count()).isEqualTo(2);
  }

  @Test
  void aggregatesCountSumSquaresMaxAndFrauds() {
    BucketSeries series = new BucketSeries(SECOND, DAY);
    series.addTransaction(1 * SECOND, 2);
    series.addTransaction(2 * SECOND, 4);
    series.addTransaction(2 * SECOND, 9);
    series.addFraud(2 * SECOND, 1);

    WindowTotals all = series.totals(0, 3 * SECOND);

    assertThat(all.count()).isEqualTo(3);
    assertThat(all.sum()).isEqualTo(15);
    assertThat(all.sumSq()).isEqualTo(4 + 16 + 81);
    assertThat(all.max()).isEqualTo(9);
    assertThat(all.frauds()).isEqualTo(1);
  }

  @Test
  void aReversedVerdictUndoesItsFraud() {
    BucketSeries series = new BucketSeries(SECOND, DAY);
    series.addTransaction(SECOND, 1);
    series.addFraud(SECOND, 1);
    series.addFraud(SECOND, -1);

    assertThat(series.totals(0, SECOND).frauds()).isZero();
  }

  @Test
  void stateIsBoundedByTheHorizonHoweverLongTheStream() {
    BucketSeries series = new BucketSeries(SECOND, 60 * SECOND);
    for (long t = 0; t < 10_000; t++) {
      series.addTransaction(t * SECOND, 1);
    }

    assertThat(series.size()).isEqualTo(60);
    assertThat(series.totals(9_999 * SECOND - 60 * SECOND, 9_999 * SECOND).count()).isEqualTo(60);
  }

  @Test
  void delayedWindowsSeeOnlyTheirSpan() {
    BucketSeries series = new BucketSeries(SECOND, 8 * DAY);
    series.addTransaction(0, 1);
    series.addTransaction(3 * DAY, 1);
    series.addTransaction(7 * DAY + SECOND, 1);

    // (t-8d, t-7d] at t = 7d + 1s is (1s - 1d, 1s]: only the event at 0.
    WindowTotals delayed = series.totals(SECOND - DAY, SECOND);
    assertThat(delayed.count()).isEqualTo(1);
    assertThat(delayed.sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void transactionsOlderThanTheHorizonAreIgnored() {
    BucketSeries series = new BucketSeries(SECOND, 10 * SECOND);
    series.addTransaction(100 * SECOND, 1);
    series.addTransaction(50 * SECOND, 1);

    assertThat(series.size()).isEqualTo(1);
  }
}

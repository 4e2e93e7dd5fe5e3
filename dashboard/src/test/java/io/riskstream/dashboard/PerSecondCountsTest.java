package io.riskstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerSecondCountsTest {
  @Test
  void ratesCountWholeSecondsOnlyAndForgetWhatRolledOut() {
    PerSecondCounts counts = new PerSecondCounts(4);
    counts.add(10_000, 3);
    counts.add(10_999, 2);
    counts.add(11_500, 4);
    counts.add(12_100, 100); // the current second: still filling, not counted

    assertThat(counts.ratePerSecond(12_500, 2)).isEqualTo(4.5);
    assertThat(counts.last(12_500, 3)).containsExactly(0, 5, 4);

    counts.add(14_000, 1); // lands in the slot of second 10
    assertThat(counts.at(10)).as("rolled out of a four-second window").isZero();
  }

  @Test
  void quantilesFollowTheMostRecentValues() {
    RecentValues values = new RecentValues(3);
    assertThat(values.quantile(0.5)).isNaN();
    for (double v : new double[] {100, 1, 2, 3}) {
      values.add(v);
    }
    assertThat(values.quantile(0.5)).isEqualTo(2);
    assertThat(values.quantile(1.0)).as("100 has been replaced").isEqualTo(3);
  }
}

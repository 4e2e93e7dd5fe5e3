package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlidingWindowStatsTest {
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long T0 = 1_700_000_000_000L; // not bucket aligned on purpose

  @Test
  void currentEventIsInTheWindow() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    w.add(T0, 12.5);
    assertThat(w.count(T0)).isEqualTo(1);
    assertThat(w.sum(T0)).isEqualTo(12.5);
  }

  @Test
  void eventExactlyWindowOldIsOut() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    w.add(T0, 10);
    w.add(T0 + HOUR, 5);
    assertThat(w.count(T0 + HOUR)).isEqualTo(1);
    assertThat(w.sum(T0 + HOUR)).isEqualTo(5);
  }

  @Test
  void eventsYoungerThanWindowMinusBucketAreIn() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    w.add(T0, 10);
    w.add(T0 + HOUR - MIN, 5);
    assertThat(w.count(T0 + HOUR - MIN)).isEqualTo(2);
    assertThat(w.sum(T0 + HOUR - MIN)).isEqualTo(15);
  }

  @Test
  void eventsInTheSameBucketAggregate() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    long aligned = (T0 / MIN) * MIN;
    for (int i = 0; i < 50; i++) {
      w.add(aligned + i * 1000L, 1);
    }
    assertThat(w.bucketCount()).isEqualTo(1);
    assertThat(w.count(aligned + 49_000L)).isEqualTo(50);
  }

  @Test
  void evictionBoundsState() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    for (int i = 0; i < 10_000; i++) {
      w.add(T0 + i * 20_000L, 1); // 3 per minute for ~55 hours
      assertThat(w.bucketCount()).isLessThanOrEqualTo(60);
    }
    long last = T0 + 9_999 * 20_000L;
    assertThat(w.count(last)).isBetween(178L, 180L);
  }

  @Test
  void outOfOrderEventsCountForLaterQueriesButNotEarlierOnes() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    w.add(T0 + 30 * MIN, 7);
    w.add(T0, 3); // late by 30 minutes, still within the window
    assertThat(w.count(T0)).isEqualTo(1); // the later event is not in (T0 - w, T0]
    assertThat(w.count(T0 + 30 * MIN)).isEqualTo(2);
    assertThat(w.sum(T0 + 30 * MIN)).isEqualTo(10);
  }

  @Test
  void veryLateEventsAreDroppedWithoutGrowingState() {
    SlidingWindowStats w = new SlidingWindowStats(HOUR, MIN);
    w.add(T0 + 5 * HOUR, 1);
    w.add(T0, 100);
    assertThat(w.bucketCount()).isEqualTo(1);
    assertThat(w.count(T0 + 5 * HOUR)).isEqualTo(1);
  }

  @Test
  void windowMustBeAMultipleOfTheBucket() {
    assertThatThrownBy(() -> new SlidingWindowStats(HOUR + 1, MIN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

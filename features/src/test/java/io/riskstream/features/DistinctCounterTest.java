package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctCounterTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void countsDistinctKeysIncludingTheCurrentOne() {
    DistinctCounter c = new DistinctCounter(DAY);
    assertThat(c.observe("a", T0)).isEqualTo(1);
    assertThat(c.observe("b", T0 + 1)).isEqualTo(2);
    assertThat(c.observe("a", T0 + 2)).isEqualTo(2);
    assertThat(c.observe("c", T0 + 3)).isEqualTo(3);
    assertThat(c.size()).isEqualTo(3);
  }

  @Test
  void keyLastSeenExactlyWindowAgoIsOutAndEvicted() {
    DistinctCounter c = new DistinctCounter(DAY);
    c.observe("a", T0);
    c.observe("b", T0 + 10);
    assertThat(c.observe("c", T0 + DAY)).isEqualTo(2); // b in, a out
    assertThat(c.size()).isEqualTo(2);
  }

  @Test
  void revisitKeepsAKeyAlive() {
    DistinctCounter c = new DistinctCounter(DAY);
    c.observe("a", T0);
    c.observe("a", T0 + DAY / 2);
    assertThat(c.observe("b", T0 + DAY + 1)).isEqualTo(2);
  }

  @Test
  void evictionBoundsStateToOneWindowOfKeys() {
    DistinctCounter c = new DistinctCounter(DAY);
    for (int i = 0; i < 5_000; i++) {
      c.observe("card-" + i, T0 + i * (DAY / 100)); // 100 new cards a day
      assertThat(c.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void outOfOrderEventsDoNotBreakCounting() {
    DistinctCounter c = new DistinctCounter(DAY);
    c.observe("a", T0 + 1000);
    c.observe("b", T0 + 2000);
    // Late event: a and b were seen after it, so (T0 - DAY, T0] only holds c.
    assertThat(c.observe("c", T0)).isEqualTo(1);
    assertThat(c.observe("d", T0 + 3000)).isEqualTo(4);
    // Older than the window of the newest event: counted for itself, not kept.
    assertThat(c.observe("old", T0 - 2 * DAY)).isEqualTo(1);
    assertThat(c.size()).isEqualTo(4);
  }
}

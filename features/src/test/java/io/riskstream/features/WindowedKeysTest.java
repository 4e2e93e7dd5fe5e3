package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Graph degrees (distinct keys) and fraud-labelled neighbours of one entity. */
class WindowedKeysTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_700_000_000_000L;
  private static final long W = 10_000;

  @Test
  void countsDistinctKeysIncludingTheCurrentOne() {
    WindowedKeys c = new WindowedKeys(DAY);
    assertThat(c.observe("a", T0)).isEqualTo(1);
    assertThat(c.observe("b", T0 + 1)).isEqualTo(2);
    assertThat(c.observe("a", T0 + 2)).isEqualTo(2);
    assertThat(c.observe("c", T0 + 3)).isEqualTo(3);
    assertThat(c.size()).isEqualTo(3);
  }

  @Test
  void keyLastSeenExactlyWindowAgoIsOutAndEvicted() {
    WindowedKeys c = new WindowedKeys(DAY);
    c.observe("a", T0);
    c.observe("b", T0 + 10);
    assertThat(c.observe("c", T0 + DAY)).isEqualTo(2); // b in, a out
    assertThat(c.size()).isEqualTo(2);
  }

  @Test
  void revisitKeepsAKeyAlive() {
    WindowedKeys c = new WindowedKeys(DAY);
    c.observe("a", T0);
    c.observe("a", T0 + DAY / 2);
    assertThat(c.observe("b", T0 + DAY + 1)).isEqualTo(2);
  }

  @Test
  void evictionBoundsStateToOneWindowOfKeys() {
    WindowedKeys c = new WindowedKeys(DAY);
    for (int i = 0; i < 5_000; i++) {
      c.observe("card-" + i, T0 + i * (DAY / 100)); // 100 new cards a day
      assertThat(c.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void outOfOrderEventsDoNotBreakCounting() {
    WindowedKeys c = new WindowedKeys(DAY);
    c.observe("a", T0 + 1000);
    c.observe("b", T0 + 2000);
    // Late event: a and b were seen after it, so (T0 - DAY, T0] only holds c.
    assertThat(c.observe("c", T0)).isEqualTo(1);
    assertThat(c.observe("d", T0 + 3000)).isEqualTo(4);
    // Older than the window of the newest event: counted for itself, not kept.
    assertThat(c.observe("old", T0 - 2 * DAY)).isEqualTo(1);
    assertThat(c.size()).isEqualTo(4);
  }

  // Fraud-labelled neighbours.

  @Test
  void countsOtherFraudLabelledKeysInTheWindow() {
    WindowedKeys cards = new WindowedKeys(W);
    cards.observeFlagged("a", 1_000);
    cards.observeFlagged("b", 2_000);
    cards.label("a", 1_000, 1);

    assertThat(cards.observeFlagged("c", 3_000)).as("a is flagged").isEqualTo(1);
    assertThat(cards.observeFlagged("a", 4_000)).as("not itself").isZero();
    assertThat(cards.observeFlagged("c", 11_500))
        .as("a was last seen at 4s, still in")
        .isEqualTo(1);
    assertThat(cards.observeFlagged("c", 14_000)).as("a left the window").isZero();
  }

  @Test
  void aReversedVerdictUnflagsAndTwoFraudsNeedTwoReversals() {
    WindowedKeys cards = new WindowedKeys(W);
    cards.observeFlagged("a", 1_000);
    cards.label("a", 1_000, 1);
    cards.observeFlagged("a", 2_000);
    cards.label("a", 2_000, 1);
    cards.label("a", 1_000, -1);
    assertThat(cards.observeFlagged("b", 3_000)).isEqualTo(1);
    cards.label("a", 2_000, -1);
    assertThat(cards.observeFlagged("b", 3_000)).isZero();
    cards.label("a", 2_000, -1);
    assertThat(cards.frauds).containsOnly(0);
  }

  @Test
  void aLabelThatOvertakesItsTransactionStillFlagsAndOldOnesAreDropped() {
    WindowedKeys cards = new WindowedKeys(W);
    cards.label("a", 1_000, 1);
    assertThat(cards.observeFlagged("b", 2_000)).isEqualTo(1);

    cards.label("old", 500, 1);
    cards.observeFlagged("b", 30_000);
    cards.label("older", 5_000, 1);
    assertThat(cards.size()).as("only b is within the window").isEqualTo(1);
  }
}

package io.riskstream.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeighbourCardsTest {
  private static final long W = 10_000;

  @Test
  void countsOtherFraudLabelledKeysInTheWindow() {
    NeighbourCards cards = new NeighbourCards(W);
    cards.observe("a", 1_000);
    cards.observe("b", 2_000);
    cards.label("a", 1_000, 1);

    assertThat(cards.observe("c", 3_000)).as("a is flagged").isEqualTo(1);
    assertThat(cards.observe("a", 4_000)).as("not itself").isZero();
    assertThat(cards.observe("c", 11_500)).as("a was last seen at 4s, still in").isEqualTo(1);
    assertThat(cards.observe("c", 14_000)).as("a left the window").isZero();
  }

  @Test
  void aReversedVerdictUnflagsAndTwoFraudsNeedTwoReversals() {
    NeighbourCards cards = new NeighbourCards(W);
    cards.observe("a", 1_000);
    cards.label("a", 1_000, 1);
    cards.observe("a", 2_000);
    cards.label("a", 2_000, 1);
    cards.label("a", 1_000, -1);
    assertThat(cards.observe("b", 3_000)).isEqualTo(1);
    cards.label("a", 2_000, -1);
    assertThat(cards.observe("b", 3_000)).isZero();
    cards.label("a", 2_000, -1);
    assertThat(cards.frauds).containsOnly(0);
  }

  @Test
  void aLabelThatOvertakesItsTransactionStillFlagsAndOldOnesAreDropped() {
    NeighbourCards cards = new NeighbourCards(W);
    cards.label("a", 1_000, 1);
    assertThat(cards.observe("b", 2_000)).isEqualTo(1);

    cards.label("old", 500, 1);
    cards.observe("b", 30_000);
    cards.label("older", 5_000, 1);
    assertThat(cards.size()).as("only b is within the window").isEqualTo(1);
  }
}

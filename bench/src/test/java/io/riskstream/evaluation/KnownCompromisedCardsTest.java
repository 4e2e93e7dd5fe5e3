package io.riskstream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownCompromisedCardsTest {
  private static final long DAY = 86_400_000L;

  private static Example tx(String card, long day, boolean fraud) {
    return new Example(card, day * DAY + 3_600_000, new float[0], fraud);
  }

  @Test
  void dropsACardOnceItsFraudDayIsMoreThanOneDelayBehind() {
    KnownCompromisedCards known =
        new KnownCompromisedCards(
            List.of(tx("a", 10, true), tx("b", 10, false)), Duration.ofDays(7));

    assertThat(known.known("a", 17 * DAY + 1))
        .as("day 17: day 10's labels not all known")
        .isFalse();
    assertThat(known.known("a", 18 * DAY + 1)).as("day 18: known since the day began").isTrue();
    assertThat(known.known("b", 30 * DAY + 1)).as("b had no earlier fraud").isFalse();
  }

  @Test
  void keepsOnlyTheTransactionsOfCardsNotKnown() {
    KnownCompromisedCards known =
        new KnownCompromisedCards(List.of(tx("a", 0, true)), Duration.ofDays(7));

    List<Scored> scored =
        List.of(new Scored("a", 9 * DAY, false, 0.5), new Scored("b", 9 * DAY, true, 0.5));

    assertThat(known.tested(scored)).extracting(Scored::cardId).containsExactly("b");
  }

  @Test
  void aCardsFirstFraudCounts() {
    KnownCompromisedCards known =
        new KnownCompromisedCards(List.of(tx("a", 12, true), tx("a", 5, true)), Duration.ofDays(7));

    assertThat(known.known("a", 13 * DAY + 1)).isTrue();
  }
}

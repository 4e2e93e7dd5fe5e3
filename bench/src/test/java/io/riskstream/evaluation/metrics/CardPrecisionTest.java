package io.riskstream.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.evaluation.Scored;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardPrecisionTest {

  private static Scored txn(String card, String time, boolean fraud, double score) {
    return new Scored(card, Instant.parse(time).toEpochMilli(), fraud, score);
  }

  @Test
  void followsTheHandbookDayByDayWithDetectedCardsRemovedFromLaterDays() {
    List<Scored> scored =
        List.of(
            // Day 1: cards A (0.9, fraud), C (0.85, fraud), B (0.8) -> top 2 = A, C: 2/2.
            txn("A", "2018-04-01T08:00:00Z", true, 0.9),
            txn("A", "2018-04-01T09:00:00Z", false, 0.1),
            txn("C", "2018-04-01T10:00:00Z", true, 0.85),
            txn("B", "2018-04-01T23:59:59Z", false, 0.8),
            // Day 2: A and C were detected on day 1 and drop out although they score highest;
            // without them the top 2 is D (genuine) and E (fraud): 1/2.
            txn("A", "2018-04-02T00:00:00Z", true, 0.95),
            txn("C", "2018-04-02T01:00:00Z", true, 0.6),
            txn("D", "2018-04-02T02:00:00Z", false, 0.5),
            txn("E", "2018-04-02T03:00:00Z", true, 0.4),
            txn("F", "2018-04-02T04:00:00Z", false, 0.3),
            // Day 3: E was detected on day 2; one card is left, a fraud: 1 hit over k = 2 slots.
            txn("E", "2018-04-03T05:00:00Z", true, 0.99),
            txn("G", "2018-04-03T06:00:00Z", true, 0.2));

    CardPrecision.Result result = CardPrecision.atK(scored, 2);

    assertThat(result.perDay())
        .containsExactly(
            entry(LocalDate.parse("2018-04-01"), 1.0),
            entry(LocalDate.parse("2018-04-02"), 0.5),
            entry(LocalDate.parse("2018-04-03"), 0.5));
    assertThat(result.mean()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(FraudMetrics.cardPrecisionAtK(scored, 2)).isEqualTo(result.mean());
  }

  @Test
  void aCardTakesItsHighestScoreAndIsFraudulentIfAnyOfItsTransactionsIs() {
    List<Scored> scored =
        List.of(
            // B's highest score is on a genuine transaction, its fraud scored low: B ranks at 0.8
            // and counts as a fraudulent card.
            txn("B", "2018-04-01T08:00:00Z", false, 0.8),
            txn("B", "2018-04-01T09:00:00Z", true, 0.05),
            txn("A", "2018-04-01T10:00:00Z", true, 0.7),
            txn("C", "2018-04-01T11:00:00Z", true, 0.6));

    assertThat(FraudMetrics.cardPrecisionAtK(scored, 2)).isEqualTo(1.0);
    assertThat(FraudMetrics.cardPrecisionAtK(scored, 1)).isEqualTo(1.0);
  }

  @Test
  void tiesAtTheKthPlaceAreBrokenByCardId() {
    // After A, cards B, C and D tie at 0.5 for the second place; B comes first by id.
    List<Scored> fraudFirst =
        List.of(
            txn("A", "2018-04-01T08:00:00Z", false, 0.9),
            txn("D", "2018-04-01T08:00:00Z", true, 0.5),
            txn("C", "2018-04-01T08:00:00Z", false, 0.5),
            txn("B", "2018-04-01T08:00:00Z", true, 0.5));
    List<Scored> genuineFirst =
        List.of(
            txn("A", "2018-04-01T08:00:00Z", false, 0.9),
            txn("D", "2018-04-01T08:00:00Z", true, 0.5),
            txn("B", "2018-04-01T08:00:00Z", false, 0.5),
            txn("C", "2018-04-01T08:00:00Z", true, 0.5));

    assertThat(FraudMetrics.cardPrecisionAtK(fraudFirst, 2)).isEqualTo(0.5);
    assertThat(FraudMetrics.cardPrecisionAtK(genuineFirst, 2)).isEqualTo(0.0);
    // A tie wholly inside the top k counts the same whatever the order.
    assertThat(FraudMetrics.cardPrecisionAtK(fraudFirst, 4)).isEqualTo(0.5);
  }

  @Test
  void noTransactionsGiveNoDaysAndNaN() {
    CardPrecision.Result result = CardPrecision.atK(List.of(), 100);

    assertThat(result.mean()).isNaN();
    assertThat(result.perDay()).isEmpty();
  }

  private static java.util.Map.Entry<LocalDate, Double> entry(LocalDate date, double value) {
    return java.util.Map.entry(date, value);
  }
}

package io.riskstream.evaluation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handbook's rule for what a test may count (Chapter 3, {@code get_train_test_set}): a card
 * known to be compromised is blocked, so its later transactions are no detection problem. A
 * transaction on day {@code T} is dropped when its card had a fraud on a day at most {@code T -
 * delay - 1}: a day whose labels were all known when day {@code T} began. Without this rule the
 * repeat transactions of compromised cards inflate AUC, AP and CP@100 against the handbook's
 * published numbers, which all use it.
 */
public final class KnownCompromisedCards {
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** Per card, the UTC day (epoch day) of its first fraud. */
  private final Map<String, Long> firstFraudDay = new HashMap<>();

  private final long delayDays;

  /**
   * @param history every labelled transaction that may make a card known, test period included
   */
  public KnownCompromisedCards(List<Example> history, Duration labelDelay) {
    this.delayDays = labelDelay.toDays();
    for (Example example : history) {
      if (example.fraud()) {
        firstFraudDay.merge(example.cardId(), day(example.eventTime()), Math::min);
      }
    }
  }

  /** True when the card was known compromised on the transaction's day, i.e. it is not tested. */
  public boolean known(String cardId, long eventTime) {
    Long fraudDay = firstFraudDay.get(cardId);
    return fraudDay != null && fraudDay <= day(eventTime) - delayDays - 1;
  }

  /** The transactions a test counts: those of cards not known to be compromised. */
  public List<Scored> tested(List<Scored> scored) {
    return scored.stream().filter(s -> !known(s.cardId(), s.eventTime())).toList();
  }

  private static long day(long eventTime) {
    return Math.floorDiv(eventTime, DAY);
  }
}

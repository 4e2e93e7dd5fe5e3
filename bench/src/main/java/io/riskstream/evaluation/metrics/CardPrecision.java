package io.riskstream.evaluation.metrics;

import io.riskstream.evaluation.Scored;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Card precision top-k (CP@k), exactly as the fraud-detection handbook (Le Borgne et al. 2022,
 * chapter "Performance metrics", {@code card_precision_top_k_day} and {@code card_precision_top_k})
 * defines it: the share of true frauds among the k cards investigators would check each day.
 *
 * <ol>
 *   <li>Days (UTC calendar days of the event time) are taken in increasing order; only days with at
 *       least one transaction count.
 *   <li>Already-known compromised cards: a card found fraudulent in the top k of an earlier day is
 *       on the "detected compromised" list, and all its transactions are dropped from every later
 *       day before ranking. It is blocked once detected, so it neither takes one of the k places
 *       again nor counts as a hit again.
 *   <li>The day's remaining transactions are grouped by card, taking the maximum score and the
 *       maximum fraud flag (a card is fraudulent that day if any of its transactions is).
 *   <li>Cards are sorted by that maximum score, highest first, and the first k are taken.
 *   <li>The day's precision is the number of fraudulent cards among them divided by k, by k even
 *       when fewer than k cards remain (investigators had k slots; empty ones are not hits).
 *   <li>The fraudulent cards among those k join the detected-compromised list.
 *   <li>CP@k is the mean of the daily precisions.
 * </ol>
 *
 * <p>Ties: the handbook sorts with pandas' default, unstable sort, so the order of cards with equal
 * maximum scores is unspecified there. Here ties are broken by card id (string order), which is
 * deterministic and independent of the labels; it matters only when the tie straddles the k-th
 * place.
 */
public final class CardPrecision {

  /** The mean daily precision and each day's, in day order. NaN mean when there is no day. */
  public record Result(double mean, SortedMap<LocalDate, Double> perDay) {
    public Result {
      perDay = Collections.unmodifiableSortedMap(new TreeMap<>(perDay));
    }
  }

  private CardPrecision() {}

  public static Result atK(List<Scored> scored, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    SortedMap<LocalDate, List<Scored>> days = new TreeMap<>();
    for (Scored s : scored) {
      if (Double.isNaN(s.score())) {
        throw new IllegalArgumentException("score of card " + s.cardId() + " is NaN");
      }
      days.computeIfAbsent(UtcDays.of(s.eventTime()), d -> new ArrayList<>()).add(s);
    }
    Set<String> detected = new HashSet<>();
    SortedMap<LocalDate, Double> perDay = new TreeMap<>();
    double sum = 0;
    for (Map.Entry<LocalDate, List<Scored>> day : days.entrySet()) {
      List<String> hits = topKFraudCards(day.getValue(), k, detected);
      perDay.put(day.getKey(), (double) hits.size() / k);
      sum += (double) hits.size() / k;
      detected.addAll(hits);
    }
    return new Result(days.isEmpty() ? Double.NaN : sum / days.size(), perDay);
  }

  /** The fraudulent cards among the day's k highest-scored cards not detected before. */
  private static List<String> topKFraudCards(List<Scored> day, int k, Set<String> detected) {
    Map<String, CardDay> cards = new HashMap<>();
    for (Scored s : day) {
      if (!detected.contains(s.cardId())) {
        cards.merge(s.cardId(), new CardDay(s.cardId(), s.score(), s.fraud()), CardDay::combine);
      }
    }
    List<CardDay> ranked = new ArrayList<>(cards.values());
    ranked.sort(
        Comparator.comparingDouble(CardDay::maxScore).reversed().thenComparing(CardDay::cardId));
    List<String> hits = new ArrayList<>();
    for (CardDay card : ranked.subList(0, Math.min(k, ranked.size()))) {
      if (card.fraud()) {
        hits.add(card.cardId());
      }
    }
    return hits;
  }

  /** One card's day: its highest score and whether any of its transactions was fraud. */
  private record CardDay(String cardId, double maxScore, boolean fraud) {
    CardDay combine(CardDay other) {
      return new CardDay(cardId, Math.max(maxScore, other.maxScore), fraud || other.fraud);
    }
  }
}

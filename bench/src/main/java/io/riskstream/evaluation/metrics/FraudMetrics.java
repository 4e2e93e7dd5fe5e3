package io.riskstream.evaluation.metrics;

import io.riskstream.evaluation.Scored;
import io.riskstream.model.RankingMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quality of one model's scores over a replay: ROC AUC and average precision (from {@link
 * RankingMetrics}), the handbook's card precision top-100 ({@link CardPrecision}) and the recall
 * reachable at a 1% false-positive rate, overall and per UTC calendar day of the event time.
 *
 * <p>AUC, AP and recall are NaN wherever one class is absent (a day without fraud, or without a
 * genuine transaction): none of them means anything there. AUC and AP rank the scores as floats
 * (what {@link RankingMetrics} takes), so scores closer than float precision tie there.
 */
public final class FraudMetrics {

  /** Investigators' daily alert budget in the handbook's CP@k. */
  public static final int CARD_PRECISION_K = 100;

  /** The false-positive rate the summary's recall is read at. */
  public static final double RECALL_MAX_FPR = 0.01;

  /** One model over the whole replay, and day by day. */
  public record Summary(
      double auc,
      double ap,
      double cp100,
      double recallAt1PctFpr,
      long transactions,
      long frauds,
      List<Day> days) {
    public Summary {
      days = List.copyOf(days);
    }
  }

  /**
   * One UTC calendar day. {@code cp100} is that day's precision within the handbook's running
   * procedure: cards detected on earlier days are already excluded.
   */
  public record Day(
      LocalDate date,
      double auc,
      double ap,
      double cp100,
      double recallAt1PctFpr,
      long transactions,
      long frauds) {}

  private FraudMetrics() {}

  public static Summary of(List<Scored> scored) {
    CardPrecision.Result cp = CardPrecision.atK(scored, CARD_PRECISION_K);
    SortedMap<LocalDate, List<Scored>> byDay = new TreeMap<>();
    for (Scored s : scored) {
      byDay.computeIfAbsent(UtcDays.of(s.eventTime()), d -> new ArrayList<>()).add(s);
    }
    List<Day> days = new ArrayList<>(byDay.size());
    for (Map.Entry<LocalDate, List<Scored>> day : byDay.entrySet()) {
      Ranking r = Ranking.of(day.getValue());
      days.add(
          new Day(
              day.getKey(),
              r.auc(),
              r.ap(),
              cp.perDay().get(day.getKey()),
              r.recallAtFpr(RECALL_MAX_FPR),
              r.transactions(),
              r.frauds()));
    }
    Ranking all = Ranking.of(scored);
    return new Summary(
        all.auc(),
        all.ap(),
        cp.mean(),
        all.recallAtFpr(RECALL_MAX_FPR),
        all.transactions(),
        all.frauds(),
        days);
  }

  /** The handbook's CP@k (mean of the daily card precisions), see {@link CardPrecision}. */
  public static double cardPrecisionAtK(List<Scored> scored, int k) {
    return CardPrecision.atK(scored, k).mean();
  }

  /**
   * The highest recall (true-positive rate) of a threshold whose false-positive rate is at most
   * {@code maxFpr}. A threshold flags every transaction scored at or above it, so tied scores are
   * flagged together: a tie that would push the false-positive rate past {@code maxFpr} is left out
   * whole. NaN when either class is absent.
   */
  public static double recallAtFpr(List<Scored> scored, double maxFpr) {
    return Ranking.of(scored).recallAtFpr(maxFpr);
  }

  /** One set of scores split by class, for the threshold-free metrics. */
  private record Ranking(float[] scores, float[] labels, double[] genuine, double[] fraud) {

    static Ranking of(List<Scored> scored) {
      float[] scores = new float[scored.size()];
      float[] labels = new float[scored.size()];
      int frauds = 0;
      for (int i = 0; i < scores.length; i++) {
        Scored s = scored.get(i);
        if (Double.isNaN(s.score())) {
          throw new IllegalArgumentException("score of card " + s.cardId() + " is NaN");
        }
        scores[i] = (float) s.score();
        labels[i] = s.fraud() ? 1f : 0f;
        frauds += s.fraud() ? 1 : 0;
      }
      double[] genuine = new double[scored.size() - frauds];
      double[] fraud = new double[frauds];
      int g = 0;
      int f = 0;
      for (Scored s : scored) {
        if (s.fraud()) {
          fraud[f++] = s.score();
        } else {
          genuine[g++] = s.score();
        }
      }
      Arrays.sort(genuine);
      Arrays.sort(fraud);
      return new Ranking(scores, labels, genuine, fraud);
    }

    long transactions() {
      return scores.length;
    }

    long frauds() {
      return fraud.length;
    }

    boolean bothClasses() {
      return genuine.length > 0 && fraud.length > 0;
    }

    double auc() {
      return bothClasses() ? RankingMetrics.auc(scores, labels) : Double.NaN;
    }

    double ap() {
      // RankingMetrics gives 1.0 without genuine transactions; NaN says "undefined" instead.
      return bothClasses() ? RankingMetrics.averagePrecision(scores, labels) : Double.NaN;
    }

    double recallAtFpr(double maxFpr) {
      if (!bothClasses()) {
        return Double.NaN;
      }
      int n = genuine.length;
      int allowed = allowedFalsePositives(n, maxFpr);
      if (allowed >= n) {
        return 1.0;
      }
      // The (allowed+1)-th highest genuine score must stay below the threshold, and with it every
      // score tied with it; the best threshold flags exactly the scores strictly above it.
      double firstExcluded = genuine[n - 1 - allowed];
      int fraudsAbove = fraud.length - upperBound(fraud, firstExcluded);
      return (double) fraudsAbove / fraud.length;
    }

    /** The most false positives m with m / n <= maxFpr, computed as the comparison is. */
    private static int allowedFalsePositives(int n, double maxFpr) {
      int m = (int) Math.min(n, Math.max(0, Math.floor(maxFpr * n)));
      while (m < n && (m + 1) / (double) n <= maxFpr) {
        m++;
      }
      while (m > 0 && m / (double) n > maxFpr) {
        m--;
      }
      return m;
    }

    /** The index of the first value greater than {@code key} in an ascending array. */
    private static int upperBound(double[] ascending, double key) {
      int lo = 0;
      int hi = ascending.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ascending[mid] <= key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}

package io.riskstream.evaluation.metrics;

import io.riskstream.evaluation.Scored;
import java.util.List;

/**
 * How one model's scores spread over [0, 1], counted separately for genuine and fraudulent
 * transactions: equal-width bins, bin i covering [i/bins, (i+1)/bins), the last one closed so that
 * a score of exactly 1 counts. Scores are probabilities; one outside [0, 1] counts in the nearest
 * end bin rather than being dropped, so the counts always add up to the transactions.
 *
 * @param genuine the genuine transactions per bin
 * @param fraud the fraudulent transactions per bin, as many bins as {@code genuine}
 */
public record ScoreHistogram(long[] genuine, long[] fraud) {

  /** The report's resolution: fine enough to see where the frauds sit, coarse enough to read. */
  public static final int DEFAULT_BINS = 50;

  public ScoreHistogram {
    if (genuine.length == 0 || genuine.length != fraud.length) {
      throw new IllegalArgumentException(
          "need the same positive number of bins: " + genuine.length + " and " + fraud.length);
    }
    genuine = genuine.clone();
    fraud = fraud.clone();
  }

  public static ScoreHistogram of(List<Scored> scored) {
    return of(scored, DEFAULT_BINS);
  }

  public static ScoreHistogram of(List<Scored> scored, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, was " + bins);
    }
    long[] genuine = new long[bins];
    long[] fraud = new long[bins];
    for (Scored s : scored) {
      if (Double.isNaN(s.score())) {
        throw new IllegalArgumentException("score of card " + s.cardId() + " is NaN");
      }
      int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor(s.score() * bins)));
      if (s.fraud()) {
        fraud[bin]++;
      } else {
        genuine[bin]++;
      }
    }
    return new ScoreHistogram(genuine, fraud);
  }

  public int bins() {
    return genuine.length;
  }

  /** The lower edge of bin {@code i}; {@code binLower(bins())} is 1. */
  public double binLower(int i) {
    return (double) i / bins();
  }

  @Override
  public long[] genuine() {
    return genuine.clone();
  }

  @Override
  public long[] fraud() {
    return fraud.clone();
  }
}

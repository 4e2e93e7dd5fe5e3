package io.riskstream.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's figures: one sample per tick of what went in and came out, from which the progress
 * line and the closing summary are derived. Rates are "steady" when measured after the platform has
 * warmed up (from a few seconds after the first score).
 */
public final class DemoStats {
  private static final double WARM_UP_SECONDS = 5;
  private static final int RATE_WINDOW_SAMPLES = 5;

  /** What had happened by {@code seconds} after the demo started. */
  public record Sample(
      double seconds,
      long transactions,
      long labels,
      long scores,
      long trainedExamples,
      long publishedVersion,
      long scoredVersion) {}

  private final List<Sample> samples = new ArrayList<>();
  private Double firstScoreSeconds;
  private Double firstLabelSeconds;
  private Double firstTrainedScoreSeconds;

  public void add(Sample sample) {
    samples.add(sample);
  }

  public void firstScoreAt(double seconds) {
    firstScoreSeconds = firstScoreSeconds == null ? seconds : firstScoreSeconds;
  }

  public void firstLabelAt(double seconds) {
    firstLabelSeconds = firstLabelSeconds == null ? seconds : firstLabelSeconds;
  }

  public void firstTrainedScoreAt(double seconds) {
    firstTrainedScoreSeconds =
        firstTrainedScoreSeconds == null ? seconds : firstTrainedScoreSeconds;
  }

  public boolean hasScores() {
    return last().scores() > 0;
  }

  public String progressLine() {
    // Over a few seconds: exactly-once output arrives in bursts, one per checkpoint.
    Sample now = last();
    Sample before = samples.get(Math.max(0, samples.size() - 1 - RATE_WINDOW_SAMPLES));
    double dt = Math.max(now.seconds() - before.seconds(), 1e-9);
    return String.format(
        Locale.ROOT,
        "[%4.0fs] txn in %,d (%,.0f/s) | scores out %,d (%,.0f/s) | labels sent %,d, trained %,d"
            + " | model v%d (scoring v%d)",
        now.seconds(),
        now.transactions(),
        (now.transactions() - before.transactions()) / dt,
        now.scores(),
        (now.scores() - before.scores()) / dt,
        now.labels(),
        now.trainedExamples(),
        now.publishedVersion(),
        now.scoredVersion());
  }

  /** One line of key=value pairs, so runs can be compared. */
  public String summaryLine() {
    Sample end = last();
    Sample steadyFrom = steadyStart();
    double span = end.seconds() - steadyFrom.seconds();
    return String.format(
        Locale.ROOT,
        "demo duration_s=%.1f txn_in=%d scores_out=%d labels_sent=%d labels_trained=%d"
            + " steady_txn_per_s=%s steady_scores_per_s=%s model_version=%d scored_version=%d"
            + " first_score_s=%s label_to_trained_score_s=%s",
        end.seconds(),
        end.transactions(),
        end.scores(),
        end.labels(),
        end.trainedExamples(),
        span > 0 ? rate(end.transactions() - steadyFrom.transactions(), span) : "na",
        span > 0 ? rate(end.scores() - steadyFrom.scores(), span) : "na",
        end.publishedVersion(),
        end.scoredVersion(),
        seconds(firstScoreSeconds),
        firstLabelSeconds == null || firstTrainedScoreSeconds == null
            ? "na"
            : seconds(firstTrainedScoreSeconds - firstLabelSeconds));
  }

  private Sample steadyStart() {
    if (firstScoreSeconds == null) {
      return last();
    }
    for (Sample sample : samples) {
      if (sample.seconds() >= firstScoreSeconds + WARM_UP_SECONDS) {
        return sample;
      }
    }
    return last();
  }

  private Sample last() {
    return samples.isEmpty() ? new Sample(0, 0, 0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
  }

  private static String rate(long count, double seconds) {
    return String.format(Locale.ROOT, "%.1f", count / seconds);
  }

  private static String seconds(Double value) {
    return value == null ? "na" : String.format(Locale.ROOT, "%.2f", value);
  }
}

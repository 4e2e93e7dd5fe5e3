package io.riskstream.learner;

import io.riskstream.model.RankingMetrics;
import java.util.Locale;

/**
 * Decides whether a candidate version may be published, from the scores that it and the version it
 * would replace give the held-back labelled examples (prequential: the learner never trained on
 * them). A candidate is rejected when a score is not finite (NaN or infinite weights) or when its
 * average precision falls more than the allowed amount.
 */
public final class UpdateGate {

  /** The judgement, with the figures it rests on (NaN where not computed). */
  public record Verdict(boolean accepted, String reason, double championAp, double candidateAp) {}

  private final GateSettings settings;

  public UpdateGate(GateSettings settings) {
    this.settings = settings;
  }

  public Verdict judge(float[] labels, float[] championScores, float[] candidateScores) {
    for (float score : candidateScores) {
      if (!Float.isFinite(score)) {
        return new Verdict(false, "candidate scores are not finite", Double.NaN, Double.NaN);
      }
    }
    int positives = 0;
    for (float label : labels) {
      positives += label > 0.5f ? 1 : 0;
    }
    if (positives < settings.minPositives()) {
      return new Verdict(
          true,
          "only " + positives + " held-back frauds: average precision not judged",
          Double.NaN,
          Double.NaN);
    }
    double champion = RankingMetrics.averagePrecision(championScores, labels);
    double candidate = RankingMetrics.averagePrecision(candidateScores, labels);
    boolean accepted = champion - candidate <= settings.maxApDrop();
    String reason =
        String.format(
            Locale.ROOT,
            "held-back average precision %.4f -> %.4f on %d examples (%d frauds)%s",
            champion,
            candidate,
            labels.length,
            positives,
            accepted ? "" : ", a fall beyond " + settings.maxApDrop());
    return new Verdict(accepted, reason, champion, candidate);
  }
}

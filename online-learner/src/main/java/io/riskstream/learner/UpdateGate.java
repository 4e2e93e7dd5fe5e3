package io.riskstream.learner;

import io.riskstream.model.RankingMetrics;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a candidate version may be published, from the scores that it and the version it
 * would replace give the held-back labelled examples (prequential: the learner never trained on
 * them). A candidate is rejected when a weight or a score is not finite, when a group's weight norm
 * grows beyond the allowed factor in one update, or when its average precision falls more than the
 * allowed amount.
 */
public final class UpdateGate {

  /** The judgement, with the figures it rests on (NaN where not computed). */
  public record Verdict(boolean accepted, String reason, double championAp, double candidateAp) {}

  private final GateSettings settings;

  public UpdateGate(GateSettings settings) {
    this.settings = settings;
  }

  /**
   * Checks every group's weight norm, before any scoring: a NaN weight or an exploding group is
   * rejected even when there are no held-back labels yet.
   *
   * @param published the norm of each trained group as the scorers have it
   * @param candidate the norm of the same groups after the update
   */
  public Verdict checkNorms(Map<String, Double> published, Map<String, Double> candidate) {
    for (Map.Entry<String, Double> group : candidate.entrySet()) {
      double after = group.getValue();
      double before = published.getOrDefault(group.getKey(), 0.0);
      if (!Double.isFinite(after)) {
        return new Verdict(
            false,
            "weights of group " + group.getKey() + " are not finite",
            Double.NaN,
            Double.NaN);
      }
      double limit = settings.maxNormGrowth() * Math.max(before, 1.0);
      if (after > limit) {
        return new Verdict(
            false,
            String.format(
                Locale.ROOT,
                "weight norm of group %s grew from %.3f to %.3f, beyond %.2fx",
                group.getKey(),
                before,
                after,
                settings.maxNormGrowth()),
            Double.NaN,
            Double.NaN);
      }
    }
    return new Verdict(true, "weight norms within limits", Double.NaN, Double.NaN);
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

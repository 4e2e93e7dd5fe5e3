package io.riskstream.bench;

import io.riskstream.bench.FreshnessAttribution.Attributed;
import io.riskstream.bench.FreshnessAttribution.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code riskstream bench freshness} run; {@link #line()} is its last line.
 *
 * @param labels labels sent in the measurement window
 * @param measured those whose freshness is known
 * @param heldBack those the update gate held back (never trained on)
 * @param rejected those in a batch the update gate rejected (never trained on)
 * @param unresolved those trained on without a score yet, or not yet trained on, when the run ended
 * @param freshness label sent → first score with weights trained on it, ms
 * @param labelToTrain label sent → the learner's decision to train its batch, ms
 * @param trainToVisible that decision → the version readable on model-updates (committed), ms
 * @param visibleToScore readable on model-updates → first score with it or a newer version, ms
 * @param versions versions the learner published during the whole run
 * @param rejectedCandidates candidates the update gate rejected during the whole run
 * @param slack the attribution's self-check, in labels (see {@link FreshnessAttribution})
 * @param settings the rest of the line: rate, checkpoint interval, learner and scorer limits, and
 *     the checkpoint figures Flink reported
 */
public record FreshnessSummary(
    long labels,
    long measured,
    long heldBack,
    long rejected,
    long unresolved,
    LatencyRecorder freshness,
    LatencyRecorder labelToTrain,
    LatencyRecorder trainToVisible,
    LatencyRecorder visibleToScore,
    long versions,
    long rejectedCandidates,
    long slack,
    String settings) {

  /** Sums up the window's labels. */
  public static FreshnessSummary of(
      FreshnessAttribution attribution, FreshnessAttribution.Result result, String settings) {
    LatencyRecorder freshness = new LatencyRecorder();
    LatencyRecorder labelToTrain = new LatencyRecorder();
    LatencyRecorder trainToVisible = new LatencyRecorder();
    LatencyRecorder visibleToScore = new LatencyRecorder();
    for (Attributed a : result.labels()) {
      if (a.outcome() == Outcome.MEASURED) {
        freshness.record(a.freshness());
        labelToTrain.record(a.labelToTrain());
        trainToVisible.record(a.trainToVisible());
        visibleToScore.record(a.visibleToScore());
      }
    }
    return new FreshnessSummary(
        result.labels().size(),
        freshness.count(),
        result.count(Outcome.HELD_BACK),
        result.count(Outcome.REJECTED),
        result.count(Outcome.PENDING) + result.count(Outcome.UNSCORED),
        freshness,
        labelToTrain,
        trainToVisible,
        visibleToScore,
        attribution.publishedVersions(),
        attribution.rejectedCandidates(),
        result.slack(),
        settings);
  }

  /** Human lines: where the time goes, at p50 and p99 of each part. */
  public List<String> breakdown() {
    List<String> lines = new ArrayList<>();
    if (measured == 0) {
      lines.add("no label was measured");
      return lines;
    }
    lines.add(String.format(Locale.ROOT, "%-34s %8s %8s", "label sent -> (ms)", "p50", "p99"));
    lines.add(row("learner decides to train its batch", labelToTrain));
    lines.add(row("+ trained, checkpoint committed", trainToVisible));
    lines.add(row("+ first score with it", visibleToScore));
    lines.add(row("= freshness", freshness));
    return lines;
  }

  private static String row(String name, LatencyRecorder part) {
    return String.format(
        Locale.ROOT, "%-34s %8d %8d", name, part.percentile(50), part.percentile(99));
  }

  /** {@code freshness_p50_ms=X freshness_p99_ms=Y}, then the breakdown and the run's figures. */
  public String line() {
    if (measured == 0) {
      return String.format(
          Locale.ROOT,
          "freshness_p50_ms=NaN freshness_p99_ms=NaN labels=%d measured=0 held_back=%d rejected=%d"
              + " unresolved=%d versions=%d gate_rejections=%d %s",
          labels,
          heldBack,
          rejected,
          unresolved,
          versions,
          rejectedCandidates,
          settings);
    }
    return String.format(
        Locale.ROOT,
        "freshness_p50_ms=%d freshness_p99_ms=%d label_to_train_p50_ms=%d"
            + " train_to_visible_p50_ms=%d visible_to_score_p50_ms=%d freshness_max_ms=%d"
            + " labels=%d measured=%d held_back=%d rejected=%d unresolved=%d versions=%d"
            + " gate_rejections=%d attribution_slack=%d %s",
        freshness.percentile(50),
        freshness.percentile(99),
        labelToTrain.percentile(50),
        trainToVisible.percentile(50),
        visibleToScore.percentile(50),
        freshness.percentile(100),
        labels,
        measured,
        heldBack,
        rejected,
        unresolved,
        versions,
        rejectedCandidates,
        slack,
        settings);
  }
}

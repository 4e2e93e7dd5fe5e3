package io.riskstream.evaluation.report;

import io.riskstream.evaluation.Scored;
import io.riskstream.evaluation.metrics.FraudMetrics;
import io.riskstream.evaluation.metrics.ScoreHistogram;
import java.util.List;

/**
 * One model measured in the replay.
 *
 * @param name short and unique in a report, e.g. {@code riskstream-online}
 * @param description one line: what the model is and how it was trained
 */
public record ModelResult(
    String name, String description, FraudMetrics.Summary metrics, ScoreHistogram scores) {

  /**
   * Measures a model from its scores: the metrics and a {@link ScoreHistogram#DEFAULT_BINS}
   * histogram.
   */
  public static ModelResult of(String name, String description, List<Scored> scored) {
    return new ModelResult(name, description, FraudMetrics.of(scored), ScoreHistogram.of(scored));
  }
}

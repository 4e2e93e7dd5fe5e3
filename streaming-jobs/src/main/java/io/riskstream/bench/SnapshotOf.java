package io.riskstream.bench;

import io.riskstream.features.ScoringRequest;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.scoring.Scorer;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The feature snapshot the scorer would write for a request, without a model (version 0, score 0):
 * the bench measures the feature stages and the Kafka write, not DJL.
 */
final class SnapshotOf implements MapFunction<ScoringRequest, FeatureSnapshot> {
  private static final long serialVersionUID = 1L;

  private final String featureLayout;

  SnapshotOf(String featureLayout) {
    this.featureLayout = featureLayout;
  }

  @Override
  public FeatureSnapshot map(ScoringRequest request) {
    return Scorer.snapshotOf(request, featureLayout).setModelVersion(0).setScore(0).build();
  }
}

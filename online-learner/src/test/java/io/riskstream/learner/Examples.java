package io.riskstream.learner;

import io.riskstream.model.AttentionMode;
import io.riskstream.model.ModelConfig;
import io.riskstream.schemas.FeatureSnapshot;
import io.riskstream.schemas.Label;
import java.util.List;

/** Small records for the learner's tests: 4 features, up to 2 past events. */
final class Examples {
  static final ModelConfig MODEL =
      new ModelConfig(4, 0, 1, 4, 1, 2, AttentionMode.SPARSE, 8, 2, 8, 1, 42);

  private Examples() {}

  static FeatureSnapshot snapshot(String transactionId, float first) {
    return FeatureSnapshot.newBuilder()
        .setTransactionId(transactionId)
        .setCardId("c-1")
        .setEventTime(1_000)
        .setFeatureLayout("test")
        .setFeatures(List.of(first, 0.1f, 0.2f, 0.3f))
        .setHistory(List.of(List.of(0.3f, 0.2f, 0.1f, 0f)))
        .setModelVersion(0)
        .setScore(0.5)
        .build();
  }

  static Label label(String transactionId, boolean fraud, long labelTime) {
    return Label.newBuilder()
        .setTransactionId(transactionId)
        .setCardId("c-1")
        .setFraud(fraud)
        .setLabelTime(labelTime)
        .build();
  }

  static TrainingExample example(String transactionId, boolean fraud, long labelTime) {
    return TrainingExample.of(
        snapshot(transactionId, fraud ? 1f : -1f), label(transactionId, fraud, labelTime));
  }
}

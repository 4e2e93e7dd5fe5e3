package io.riskstream.jobs;

import io.riskstream.features.FeatureLayout;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.scoring.DecisionPolicy;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the two jobs are configured with. The scoring and learning jobs derive the model's
 * configuration from the same settings, so they always build the same network.
 */
public record PlatformSettings(
    String bootstrapServers,
    int parallelism,
    int historyLength,
    Duration checkpointInterval,
    DeliveryGuarantee scoresDelivery,
    DecisionPolicy decisions,
    Duration labelJoinTtl,
    LearnerSettings learner)
    implements Serializable {

  public PlatformSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is empty");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (historyLength < 1) {
      throw new IllegalArgumentException("historyLength must be at least 1, was " + historyLength);
    }
  }

  public static PlatformSettings defaults(String bootstrapServers) {
    return new PlatformSettings(
        bootstrapServers,
        2,
        32,
        Duration.ofSeconds(2),
        DeliveryGuarantee.EXACTLY_ONCE,
        DecisionPolicy.defaults(),
        Duration.ofDays(45),
        LearnerSettings.defaults());
  }

  public ModelConfig modelConfig() {
    ModelConfig defaults = ModelConfig.defaults(FeatureLayout.size());
    return new ModelConfig(
        defaults.featureDim(),
        historyLength,
        Math.min(defaults.topK(), historyLength),
        defaults.modelDim(),
        defaults.heads(),
        defaults.hiddenDim(),
        defaults.seed());
  }

  public PlatformSettings withParallelism(int value) {
    return new PlatformSettings(
        bootstrapServers,
        value,
        historyLength,
        checkpointInterval,
        scoresDelivery,
        decisions,
        labelJoinTtl,
        learner);
  }

  public PlatformSettings withCheckpointInterval(Duration value) {
    return new PlatformSettings(
        bootstrapServers,
        parallelism,
        historyLength,
        value,
        scoresDelivery,
        decisions,
        labelJoinTtl,
        learner);
  }

  public PlatformSettings withLearner(LearnerSettings value) {
    return new PlatformSettings(
        bootstrapServers,
        parallelism,
        historyLength,
        checkpointInterval,
        scoresDelivery,
        decisions,
        labelJoinTtl,
        value);
  }
}

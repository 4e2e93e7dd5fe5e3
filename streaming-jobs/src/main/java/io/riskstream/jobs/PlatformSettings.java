package io.riskstream.jobs;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.ModelConfig;
import io.riskstream.scoring.DecisionPolicy;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the two jobs are configured with. The scoring and learning jobs derive the model's
 * configuration from the same settings (and the model's input width from the feature spec), so they
 * always build the same network.
 *
 * @param maxOutOfOrderness how far out of event-time order transactions may arrive and still be
 *     featured in order; live, also the longest a feature stage holds a transaction
 * @param live true for live traffic (a feature stage releases a transaction after {@code
 *     maxOutOfOrderness} at the latest), false when replaying history (event time alone decides, so
 *     replays are exact and repeatable)
 */
public record PlatformSettings(
    String bootstrapServers,
    FeatureSpec features,
    Duration maxOutOfOrderness,
    boolean live,
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
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("maxOutOfOrderness is negative: " + maxOutOfOrderness);
    }
  }

  public static PlatformSettings defaults(String bootstrapServers) {
    return new PlatformSettings(
        bootstrapServers,
        FeatureSpecs.DEFAULT,
        Duration.ofMillis(200),
        true,
        2,
        32,
        Duration.ofSeconds(2),
        DeliveryGuarantee.EXACTLY_ONCE,
        DecisionPolicy.defaults(),
        Duration.ofDays(45),
        LearnerSettings.defaults());
  }

  public ModelConfig modelConfig() {
    return ModelConfig.defaults(features.size()).withHistoryLength(historyLength);
  }

  public PlatformSettings withFeatures(FeatureSpec value) {
    return copy().features(value).build();
  }

  /** For replays of historic data: event time alone decides when a transaction is featured. */
  public PlatformSettings replayingHistory() {
    return copy().live(false).build();
  }

  /** The longest a feature stage holds a transaction in processing time; zero when replaying. */
  public Duration featureHold() {
    return live ? maxOutOfOrderness : Duration.ZERO;
  }

  public PlatformSettings withMaxOutOfOrderness(Duration value) {
    return copy().maxOutOfOrderness(value).build();
  }

  public PlatformSettings withParallelism(int value) {
    return copy().parallelism(value).build();
  }

  public PlatformSettings withCheckpointInterval(Duration value) {
    return copy().checkpointInterval(value).build();
  }

  public PlatformSettings withLearner(LearnerSettings value) {
    return copy().learner(value).build();
  }

  private Copy copy() {
    return new Copy(this);
  }

  /** Changes a few settings of a copy; records have no withers of their own. */
  private static final class Copy {
    private String bootstrapServers;
    private FeatureSpec features;
    private Duration maxOutOfOrderness;
    private boolean live;
    private int parallelism;
    private int historyLength;
    private Duration checkpointInterval;
    private DeliveryGuarantee scoresDelivery;
    private DecisionPolicy decisions;
    private Duration labelJoinTtl;
    private LearnerSettings learner;

    Copy(PlatformSettings s) {
      bootstrapServers = s.bootstrapServers;
      features = s.features;
      maxOutOfOrderness = s.maxOutOfOrderness;
      live = s.live;
      parallelism = s.parallelism;
      historyLength = s.historyLength;
      checkpointInterval = s.checkpointInterval;
      scoresDelivery = s.scoresDelivery;
      decisions = s.decisions;
      labelJoinTtl = s.labelJoinTtl;
      learner = s.learner;
    }

    Copy features(FeatureSpec value) {
      features = value;
      return this;
    }

    Copy live(boolean value) {
      live = value;
      return this;
    }

    Copy maxOutOfOrderness(Duration value) {
      maxOutOfOrderness = value;
      return this;
    }

    Copy parallelism(int value) {
      parallelism = value;
      return this;
    }

    Copy checkpointInterval(Duration value) {
      checkpointInterval = value;
      return this;
    }

    Copy learner(LearnerSettings value) {
      learner = value;
      return this;
    }

    PlatformSettings build() {
      return new PlatformSettings(
          bootstrapServers,
          features,
          maxOutOfOrderness,
          live,
          parallelism,
          historyLength,
          checkpointInterval,
          scoresDelivery,
          decisions,
          labelJoinTtl,
          learner);
    }
  }
}

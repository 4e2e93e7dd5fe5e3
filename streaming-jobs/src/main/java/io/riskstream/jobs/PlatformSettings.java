package io.riskstream.jobs;

import io.riskstream.features.spec.FeatureSpec;
import io.riskstream.features.spec.FeatureSpecs;
import io.riskstream.kafka.KafkaProperties;
import io.riskstream.learner.LearnerSettings;
import io.riskstream.model.DevicePreference;
import io.riskstream.model.ModelConfig;
import io.riskstream.model.SavedModel;
import io.riskstream.scoring.BatchLimits;
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
 * @param scoringBatches how many requests the scorer batches and how long the first may wait
 * @param device where the scorers run the model (the learner trains on the CPU)
 * @param labelJoinTtl how long after its transaction, in event time, a label (or a revision of one)
 *     still joins it: its transaction and feature snapshot are kept that long
 * @param initialModel the version scorers and the learner start from; null for the seeded version 0
 * @param kafkaProperties the operator's Kafka client properties (SASL, SSL...) for every source and
 *     sink; its toString hides the values, so printing the settings prints no secret
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
    BatchLimits scoringBatches,
    DevicePreference device,
    Duration labelJoinTtl,
    LearnerSettings learner,
    SavedModel initialModel,
    KafkaProperties kafkaProperties)
    implements Serializable {

  public PlatformSettings {
    if (kafkaProperties == null) {
      kafkaProperties = KafkaProperties.none();
    }
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
    if (initialModel != null) {
      requireCompatible(initialModel, features, historyLength);
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
        BatchLimits.defaults(),
        DevicePreference.AUTO,
        Duration.ofDays(45),
        LearnerSettings.defaults(),
        null,
        KafkaProperties.none());
  }

  /**
   * A model from elsewhere must have been trained on these features and read as much history; its
   * network (e.g. without id embeddings) is then the one the platform runs.
   */
  private static void requireCompatible(SavedModel model, FeatureSpec features, int historyLength) {
    if (!features.id().equals(model.featureLayout())) {
      throw new IllegalArgumentException(
          "initial model was trained on feature layout "
              + model.featureLayout()
              + ", the platform uses "
              + features.id());
    }
    if (model.config().historyLength() != historyLength) {
      throw new IllegalArgumentException(
          "initial model reads "
              + model.config().historyLength()
              + " past events, the platform keeps "
              + historyLength);
    }
  }

  /** The network the scorers and the learner run: the initial model's, else the default one. */
  public ModelConfig modelConfig() {
    return initialModel != null ? initialModel.config() : modelConfig(features, historyLength);
  }

  private static ModelConfig modelConfig(FeatureSpec features, int historyLength) {
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

  public PlatformSettings withScoringBatches(BatchLimits value) {
    return copy().scoringBatches(value).build();
  }

  public PlatformSettings withDevice(DevicePreference value) {
    return copy().device(value).build();
  }

  /** Scorers and the learner start from {@code model} instead of the seeded version 0. */
  public PlatformSettings withInitialModel(SavedModel model) {
    return copy().initialModel(model).build();
  }

  public PlatformSettings withLabelJoinTtl(Duration value) {
    return copy().labelJoinTtl(value).build();
  }

  public PlatformSettings withLearner(LearnerSettings value) {
    return copy().learner(value).build();
  }

  /** Every Kafka source and sink of the jobs gets these client properties. */
  public PlatformSettings withKafkaProperties(KafkaProperties value) {
    return copy().kafkaProperties(value).build();
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
    private BatchLimits scoringBatches;
    private DevicePreference device;
    private Duration labelJoinTtl;
    private LearnerSettings learner;
    private SavedModel initialModel;
    private KafkaProperties kafkaProperties;

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
      scoringBatches = s.scoringBatches;
      device = s.device;
      labelJoinTtl = s.labelJoinTtl;
      learner = s.learner;
      initialModel = s.initialModel;
      kafkaProperties = s.kafkaProperties;
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

    Copy scoringBatches(BatchLimits value) {
      scoringBatches = value;
      return this;
    }

    Copy device(DevicePreference value) {
      device = value;
      return this;
    }

    Copy labelJoinTtl(Duration value) {
      labelJoinTtl = value;
      return this;
    }

    Copy learner(LearnerSettings value) {
      learner = value;
      return this;
    }

    Copy initialModel(SavedModel value) {
      initialModel = value;
      return this;
    }

    Copy kafkaProperties(KafkaProperties value) {
      kafkaProperties = value;
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
          scoringBatches,
          device,
          labelJoinTtl,
          learner,
          initialModel,
          kafkaProperties);
    }
  }
}

package io.riskstream.learner;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the learner trains: a mini-batch is trained and published every {@code batchSize} labels or
 * {@code maxWait} after its first label, whichever comes first.
 */
public record LearnerSettings(
    String modelId,
    List<String> trainableGroups,
    int batchSize,
    Duration maxWait,
    int stepsPerBatch,
    float learningRate,
    float positiveWeight,
    GateSettings gate)
    implements Serializable {

  /** The model id the learner stamps on its versions unless told otherwise. */
  public static final String DEFAULT_MODEL_ID = "riskstream-fraud";

  public LearnerSettings {
    trainableGroups = List.copyOf(trainableGroups);
    if (trainableGroups.isEmpty()) {
      throw new IllegalArgumentException("trainableGroups must name at least one parameter group");
    }
    if (batchSize <= 0 || stepsPerBatch <= 0) {
      throw new IllegalArgumentException("batchSize and stepsPerBatch must be positive");
    }
    if (!(learningRate > 0) || !(positiveWeight > 0)) {
      throw new IllegalArgumentException("learningRate and positiveWeight must be positive");
    }
    if (gate == null) {
      throw new IllegalArgumentException("gate settings must be given");
    }
  }

  /** The same with the default update gate. */
  public LearnerSettings(
      String modelId,
      List<String> trainableGroups,
      int batchSize,
      Duration maxWait,
      int stepsPerBatch,
      float learningRate,
      float positiveWeight) {
    this(
        modelId,
        trainableGroups,
        batchSize,
        maxWait,
        stepsPerBatch,
        learningRate,
        positiveWeight,
        GateSettings.defaults());
  }

  public static LearnerSettings defaults() {
    return new LearnerSettings(
        DEFAULT_MODEL_ID, List.of("head", "experts"), 256, Duration.ofSeconds(5), 2, 0.01f, 5.0f);
  }
}

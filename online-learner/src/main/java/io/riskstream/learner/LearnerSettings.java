package io.riskstream.learner;

import io.riskstream.learner.challenger.ChallengerSettings;
import io.riskstream.learner.challenger.FtrlParams;
import io.riskstream.learner.drift.DriftReaction;
import io.riskstream.learner.drift.DriftSettings;
import io.riskstream.model.TrainingPlan;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the learner trains: a mini-batch is trained and published every {@code batchSize} labels or
 * {@code maxWait} after its first label, whichever comes first.
 *
 * @param plan the groups trained, each with its optimizer, and the loss
 * @param gate how candidates are checked before they are published
 * @param drift whether the champion's prequential error is watched for drift, and the reaction
 * @param challenger the FTRL logistic regression trained beside the champion on the same labels and
 *     scored in its shadow, or null for none
 */
public record LearnerSettings(
    String modelId,
    int batchSize,
    Duration maxWait,
    int stepsPerBatch,
    TrainingPlan plan,
    GateSettings gate,
    DriftSettings drift,
    ChallengerSettings challenger)
    implements Serializable {

  /** The model id the learner stamps on its versions unless told otherwise. */
  public static final String DEFAULT_MODEL_ID = "riskstream-fraud";

  public LearnerSettings {
    if (batchSize <= 0 || stepsPerBatch <= 0) {
      throw new IllegalArgumentException("batchSize and stepsPerBatch must be positive");
    }
    if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("the learner's maxWait must be positive, got " + maxWait);
    }
    if (plan == null || gate == null || drift == null) {
      throw new IllegalArgumentException("training plan, gate and drift settings must be given");
    }
    if (drift.enabled() && drift.reaction() instanceof DriftReaction.ResetGroup reset) {
      String group = reset.group();
      boolean trained =
          plan.optimizers().containsKey(group)
              || (group.startsWith("experts/") && plan.optimizers().containsKey("experts"));
      if (!trained) {
        // The reset weights reach the scorers only with a version, and versions carry trained
        // groups alone.
        throw new IllegalArgumentException(
            "drift reaction resets group " + group + ", which the learner does not train");
      }
    }
  }

  /** Adam on the named groups, the given update gate, no drift detection and no challenger. */
  public LearnerSettings(
      String modelId,
      List<String> trainableGroups,
      int batchSize,
      Duration maxWait,
      int stepsPerBatch,
      float learningRate,
      float positiveWeight,
      GateSettings gate) {
    this(
        modelId,
        batchSize,
        maxWait,
        stepsPerBatch,
        adam(trainableGroups, learningRate, positiveWeight),
        gate,
        DriftSettings.disabled(),
        null);
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

  /**
   * Batches of 256 labels or 5 s, two steps each; FTRL-Proximal on the head and Adam on the
   * experts; drift raises the learning rate threefold for 20 batches; the Flink ML FTRL challenger
   * ({@link FtrlParams#defaults()}, on standardized features) runs in the champion's shadow, never
   * promoted.
   */
  public static LearnerSettings defaults() {
    return new LearnerSettings(
        DEFAULT_MODEL_ID,
        256,
        Duration.ofSeconds(5),
        2,
        TrainingPlan.defaults(),
        GateSettings.defaults(),
        DriftSettings.defaults(DriftReaction.parse("raise-lr:3x:20")),
        ChallengerSettings.shadow(FtrlParams.defaults()));
  }

  /** The group names the plan trains ({@code experts} standing for every expert). */
  public List<String> trainableGroups() {
    return List.copyOf(plan.optimizers().keySet());
  }

  public LearnerSettings withPlan(TrainingPlan value) {
    return new LearnerSettings(
        modelId, batchSize, maxWait, stepsPerBatch, value, gate, drift, challenger);
  }

  public LearnerSettings withDrift(DriftSettings value) {
    return new LearnerSettings(
        modelId, batchSize, maxWait, stepsPerBatch, plan, gate, value, challenger);
  }

  public LearnerSettings withChallenger(ChallengerSettings value) {
    return new LearnerSettings(
        modelId, batchSize, maxWait, stepsPerBatch, plan, gate, drift, value);
  }

  public LearnerSettings withCadence(int size, Duration wait) {
    return new LearnerSettings(modelId, size, wait, stepsPerBatch, plan, gate, drift, challenger);
  }

  private static TrainingPlan adam(List<String> groups, float learningRate, float weight) {
    if (!(learningRate > 0) || !(weight > 0)) {
      throw new IllegalArgumentException("learningRate and positiveWeight must be positive");
    }
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("trainableGroups must name at least one parameter group");
    }
    return TrainingPlan.adam(groups, learningRate, weight);
  }
}

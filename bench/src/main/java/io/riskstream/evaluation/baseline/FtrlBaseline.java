package io.riskstream.evaluation.baseline;

import io.riskstream.learner.LearnerSettings;
import io.riskstream.learner.challenger.FtrlLogisticRegression;
import io.riskstream.learner.challenger.FtrlParams;
import io.riskstream.learner.challenger.LabeledVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's FTRL-Proximal logistic regression ({@link FtrlLogisticRegression}, Flink ML's
 * OnlineLogisticRegression arithmetic) learning online as labels are released, outside the
 * platform: the same model as the learner's shadow challenger, run alone over the same features.
 *
 * <p>It matches the challenger: the features go in as the scorer saw them, already scaled by the
 * feature spec (log1p for counts and amounts), and the model standardizes them with running
 * statistics of the labelled examples it learned, as the challenger does; and labels are learned in
 * mini-batches of the learner's batch size, each one FTRL step on the batch's averaged gradient, as
 * the learner trains the challenger. A partly filled batch waits for more labels, as the learner's
 * does.
 */
public final class FtrlBaseline implements Baseline {

  private final FtrlLogisticRegression model;
  private final int batchSize;
  private final List<LabeledVector> batch = new ArrayList<>();

  /** The learner's defaults: its challenger's FTRL parameters and batches of 256 labels. */
  public static FtrlBaseline platformDefaults(int numFeatures) {
    LearnerSettings defaults = LearnerSettings.defaults();
    return new FtrlBaseline(numFeatures, defaults.challenger().ftrl(), defaults.batchSize());
  }

  public FtrlBaseline(int numFeatures, FtrlParams params, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the FTRL batch size must be positive, got " + batchSize);
    }
    this.model = new FtrlLogisticRegression(numFeatures, params);
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return "ftrl";
  }

  @Override
  public String description() {
    return "FTRL-Proximal logistic regression, online, "
        + model.params().spec()
        + ", batches of "
        + batchSize
        + " labels";
  }

  @Override
  public void learn(float[] features, boolean fraud, long eventTime) {
    batch.add(new LabeledVector(LabeledVector.features(features), fraud ? 1.0 : 0.0));
    if (batch.size() == batchSize) {
      model.update(batch);
      batch.clear();
    }
  }

  @Override
  public void advanceTo(long eventTime) {
    // Online: nothing waits for a clock.
  }

  @Override
  public double score(float[] features) {
    return model.predict(LabeledVector.features(features));
  }

  /** How many FTRL steps were taken: one per full batch. */
  public long updates() {
    return model.modelVersion();
  }
}

package io.riskstream.learner.challenger;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.ml.linalg.DenseVector;

/**
 * Logistic regression trained online with FTRL-Proximal (McMahan et al., "Ad click prediction: a
 * view from the trenches", 2013), step for step as Flink ML 2.x's {@code OnlineLogisticRegression}
 * does it with one worker and dense features: a mini-batch's gradient is computed against the
 * weights from before the batch, averaged over the batch, and applied once per coordinate.
 *
 * <p>Flink ML's operators do not run on Flink 2, so this is the same arithmetic as a plain class
 * that the learner can call. The weights cover the features and a trailing intercept (a bias
 * feature fixed at 1). The state is plain {@code double[]} arrays, never Flink ML vectors, so that
 * it can sit in Flink state: Flink ML 2.2's vector type information targets Flink 1.x.
 *
 * <p>Unlike Flink ML, it standardizes the features first ({@link Standardizer}: running z-scores of
 * the examples trained on, updated from each batch before its step), because one learning rate for
 * every coordinate cannot fit features whose offsets and spreads differ by orders of magnitude: on
 * the handbook's Chapter 3 data, with Flink ML's default parameters, the raw features leave it at
 * AUC 0.665 / AP 0.027 and standardized ones reach 0.788 / 0.436. {@link #unstandardized} is Flink
 * ML's arithmetic on the raw features, unchanged.
 *
 * <p>Not thread-safe.
 */
public final class FtrlLogisticRegression implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FtrlParams params;

  /**
   * The features' running statistics, or null for raw features. Also null in a model restored from
   * state saved before standardization existed: such a model keeps training and publishing over the
   * raw features its weights were fitted to.
   */
  private final Standardizer standardizer;

  private final double[] weights;
  // FTRL's per-coordinate accumulators: z drives the closed-form weights, n is the sum of squared
  // gradients that sets each coordinate's own learning rate.
  private final double[] z;
  private final double[] n;
  private long modelVersion;

  /**
   * An untrained model (all weights 0, version 0) over feature vectors of this length, which it
   * standardizes.
   */
  public FtrlLogisticRegression(int numFeatures, FtrlParams params) {
    this(numFeatures, params, true);
  }

  /** An untrained model over the raw features, exactly Flink ML's arithmetic. */
  public static FtrlLogisticRegression unstandardized(int numFeatures, FtrlParams params) {
    return new FtrlLogisticRegression(numFeatures, params, false);
  }

  private FtrlLogisticRegression(int numFeatures, FtrlParams params, boolean standardize) {
    if (numFeatures < 1) {
      throw new IllegalArgumentException("FTRL needs at least one feature, got " + numFeatures);
    }
    this.params = params;
    this.standardizer = standardize ? new Standardizer(numFeatures) : null;
    this.weights = new double[numFeatures + 1];
    this.z = new double[numFeatures + 1];
    this.n = new double[numFeatures + 1];
  }

  public FtrlParams params() {
    return params;
  }

  public int numFeatures() {
    return weights.length - 1;
  }

  /** 0 before the first batch, then one more per {@link #update}. */
  public long modelVersion() {
    return modelVersion;
  }

  /** A copy of the current weights, standardizer and version, safe to publish and serialize. */
  public FtrlModelData modelData() {
    return new FtrlModelData(
        new DenseVector(weights.clone()),
        standardizer == null ? null : standardizer.copy(),
        modelVersion);
  }

  /** The current probability of fraud for these features, as the servable would score them. */
  public double predict(DenseVector features) {
    return new FtrlModelData(new DenseVector(weights), standardizer, modelVersion)
        .probability(features);
  }

  /**
   * One FTRL step on a mini-batch, as Flink ML's {@code CalculateLocalGradient} and {@code
   * UpdateModel} do it: the log-loss gradient of each point is summed per coordinate, divided by
   * the number of points, then per coordinate
   *
   * <pre>
   *   sigma = (sqrt(n + g^2) - sqrt(n)) / alpha
   *   z    += g - sigma * w
   *   n    += g^2
   *   w     = |z| <= l1 ? 0 : (sign(z) * l1 - z) / ((beta + sqrt(n)) / alpha + l2)
   * </pre>
   *
   * where each point's features are first standardized under statistics that include the batch (so
   * the first batch is not read with empty ones). An empty batch changes nothing and keeps the
   * version.
   *
   * @return the new model data
   */
  public FtrlModelData update(List<LabeledVector> batch) {
    if (batch.isEmpty()) {
      return modelData();
    }
    for (LabeledVector point : batch) {
      int length = point.features().size();
      if (length != numFeatures()) {
        throw new IllegalArgumentException(
            "the model trains on " + numFeatures() + " features, got a vector of " + length);
      }
    }
    if (standardizer != null) {
      for (LabeledVector point : batch) {
        standardizer.observe(point.features().values);
      }
    }
    int size = weights.length;
    double[] gradient = new double[size];
    for (LabeledVector point : batch) {
      double[] raw = point.features().values;
      double[] x = standardizer == null ? raw : standardizer.apply(raw);
      double dot = weights[size - 1];
      for (int i = 0; i < x.length; i++) {
        dot += weights[i] * x[i];
      }
      // Flink ML's form of the sigmoid in the gradient (the servable uses 1 - 1 / (1 + e^dot)).
      double p = 1 / (1 + Math.exp(-dot));
      double error = p - point.label();
      for (int i = 0; i < x.length; i++) {
        gradient[i] += error * x[i];
      }
      gradient[size - 1] += error;
    }
    // Dense features: every coordinate's weight sum is the batch size.
    double count = batch.size();
    double l1 = params.l1();
    double l2 = params.l2();
    for (int i = 0; i < size; i++) {
      double g = gradient[i] / count;
      double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / params.alpha();
      z[i] += g - sigma * weights[i];
      n[i] += g * g;
      if (Math.abs(z[i]) <= l1) {
        weights[i] = 0.0;
      } else {
        weights[i] =
            ((z[i] < 0 ? -1 : 1) * l1 - z[i])
                / ((params.beta() + Math.sqrt(n[i])) / params.alpha() + l2);
      }
    }
    modelVersion++;
    return modelData();
  }

  @Override
  public String toString() {
    return "FtrlLogisticRegression{version="
        + modelVersion
        + ", weights="
        + Arrays.toString(weights)
        + "}";
  }
}

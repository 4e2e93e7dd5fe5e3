package io.riskstream.learner.challenger;

import io.riskstream.learner.TrainingExample;
import org.apache.flink.ml.linalg.DenseVector;

/**
 * One training point of the challenger: the scored snapshot's feature vector (without the bias
 * term, which the model adds) and the label, 1 for fraud and 0 for genuine.
 */
public record LabeledVector(DenseVector features, double label) {

  public LabeledVector {
    if (features == null) {
      throw new IllegalArgumentException("features must not be null");
    }
    if (label != 0.0 && label != 1.0) {
      throw new IllegalArgumentException("label must be 0 or 1, got " + label);
    }
  }

  /** The challenger learns from the same point-in-time snapshot as the champion did. */
  public static LabeledVector of(TrainingExample example) {
    return new LabeledVector(features(example.features), example.fraud ? 1.0 : 0.0);
  }

  /** The snapshot's float features widened to the doubles Flink ML's vectors hold. */
  public static DenseVector features(float[] features) {
    double[] values = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      values[i] = features[i];
    }
    return new DenseVector(values);
  }
}

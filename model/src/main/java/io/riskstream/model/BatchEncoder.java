package io.riskstream.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Packs scoring inputs into the network's fixed-shape tensors: current {@code [B, F]}, history
 * {@code [B, L, F]} and validity {@code [B, L]}. Every row is padded to the full history length, so
 * a row's result never depends on which other inputs share its batch.
 *
 * <p>Layout: the newest {@code min(n, L)} history vectors sit at positions {@code 0..} oldest
 * first; padding (zeros, validity 0) follows.
 */
final class BatchEncoder {

  private final int featureDim;
  private final int historyLength;

  BatchEncoder(ModelConfig config) {
    this.featureDim = config.featureDim();
    this.historyLength = config.historyLength();
  }

  /** Checks every vector's width; throws IllegalArgumentException naming the offender. */
  void validate(List<ScoringInput> batch) {
    for (int b = 0; b < batch.size(); b++) {
      ScoringInput input = batch.get(b);
      if (input == null) {
        throw new IllegalArgumentException("input " + b + " is null");
      }
      checkWidth(input.current(), "input " + b + " current");
      float[][] history = input.history();
      if (history != null) {
        for (int i = 0; i < history.length; i++) {
          checkWidth(history[i], "input " + b + " history[" + i + "]");
        }
      }
    }
  }

  /** Number of history vectors of this input that the model uses. */
  int usedHistory(ScoringInput input) {
    return input.history() == null ? 0 : Math.min(input.history().length, historyLength);
  }

  /** Index into {@code input.history()} of padded position {@code position}. */
  int historyIndex(ScoringInput input, int position) {
    return input.history().length - usedHistory(input) + position;
  }

  NDList encode(NDManager manager, List<ScoringInput> batch) {
    validate(batch);
    int size = batch.size();
    float[] current = new float[size * featureDim];
    float[] history = new float[size * historyLength * featureDim];
    float[] valid = new float[size * historyLength];
    for (int b = 0; b < size; b++) {
      ScoringInput input = batch.get(b);
      System.arraycopy(input.current(), 0, current, b * featureDim, featureDim);
      int used = usedHistory(input);
      for (int p = 0; p < used; p++) {
        float[] vector = input.history()[historyIndex(input, p)];
        System.arraycopy(vector, 0, history, (b * historyLength + p) * featureDim, featureDim);
        valid[b * historyLength + p] = 1f;
      }
    }
    return new NDList(
        manager.create(current, new Shape(size, featureDim)),
        manager.create(history, new Shape(size, historyLength, featureDim)),
        manager.create(valid, new Shape(size, historyLength)));
  }

  private void checkWidth(float[] vector, String what) {
    if (vector == null || vector.length != featureDim) {
      throw new IllegalArgumentException(
          what
              + " must have "
              + featureDim
              + " features, got "
              + (vector == null ? "null" : vector.length));
    }
  }
}

package io.riskstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/** Gradient bookkeeping shared by training and explanations. */
final class Gradients {

  private Gradients() {}

  /**
   * Zeroes every parameter gradient: libtorch accumulates gradients across backward passes, so a
   * backward pass for one purpose would otherwise leak into the next.
   */
  static void reset(List<Parameter> parameters, NDManager owner) {
    DjlRuntime.inferenceMode();
    try (NDManager scope = owner.newSubManager()) {
      for (Parameter parameter : parameters) {
        NDArray array = parameter.getArray();
        if (array.hasGradient()) {
          NDArray grad = array.getGradient();
          grad.attach(scope); // the handle would otherwise live as long as the model's manager
          grad.subi(grad);
        }
      }
    }
  }

  /** Scales gradients in place so their global L2 norm is at most {@code maxNorm}. */
  static void clipGlobalNorm(float[][] gradients, double maxNorm) {
    double sumSquares = 0;
    for (float[] g : gradients) {
      for (float x : g) {
        sumSquares += (double) x * x;
      }
    }
    double norm = Math.sqrt(sumSquares);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / norm);
      for (float[] g : gradients) {
        for (int i = 0; i < g.length; i++) {
          g[i] *= scale;
        }
      }
    }
  }
}

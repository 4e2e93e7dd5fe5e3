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
}

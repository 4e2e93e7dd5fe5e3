package io.riskstream.model;

import java.util.Arrays;

/**
 * AdaGrad (Duchi et al. 2011) for one parameter, on the host: each coordinate's step is the
 * learning rate over the root of its accumulated squared gradients, so often-seen coordinates
 * (frequent ids) settle while rare ones keep learning fast. State is per coordinate, so stepping
 * only some rows leaves the others exactly as they were.
 */
final class AdaGradOptimizer implements ParameterOptimizer {

  private final double learningRate;
  private final int width;
  private final float[] accumulator;

  AdaGradOptimizer(OptimizerSpec.AdaGrad spec, int rows, int width) {
    this.learningRate = spec.learningRate();
    this.width = width;
    accumulator = new float[Math.multiplyExact(rows, width)];
    // A positive start keeps the first step bounded (lr * g / sqrt(init + g^2) < lr * |g| / ...).
    Arrays.fill(accumulator, (float) spec.initialAccumulator());
  }

  @Override
  public void update(float[] weights, float[] gradients, int[] rows) {
    for (int row : rows) {
      for (int i = row * width, end = i + width; i < end; i++) {
        float g = gradients[i];
        accumulator[i] += g * g;
        weights[i] = (float) (weights[i] - learningRate * g / Math.sqrt(accumulator[i]));
      }
    }
  }

  float accumulator(int index) {
    return accumulator[index];
  }
}

package io.riskstream.model;

import java.util.Arrays;

/**
 * FTRL-Proximal (McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches", Algorithm
 * 1), per coordinate, on the host. The weight is a closed form of two accumulators:
 *
 * <pre>
 * w = 0                                                 if |z| <= l1
 * w = -(z - sign(z) * l1) / ((beta + sqrt(n)) / alpha + l2)   otherwise
 * </pre>
 *
 * <p>The paper starts from w = 0, z = 0. Here the weights are pretrained, so the first time a
 * coordinate is stepped its z is set to the value whose closed form is the current weight; the step
 * then moves from the pretrained weight instead of resetting it. The same happens whenever the
 * weight was overwritten from outside since the last step (an imported payload, a rollback to the
 * published weights): the accumulators follow the live weight rather than silently undoing the
 * write. Coordinates whose |z| stays within l1 are exactly 0, which is the L1 sparsity.
 */
final class FtrlOptimizer implements ParameterOptimizer {

  private final double alpha;
  private final double beta;
  private final double l1;
  private final double l2;
  private final int width;
  private final double[] z;
  private final double[] n;

  /** The weight this optimizer last wrote per coordinate; NaN before its first step. */
  private final float[] written;

  FtrlOptimizer(OptimizerSpec.Ftrl spec, int rows, int width) {
    this.alpha = spec.alpha();
    this.beta = spec.beta();
    this.l1 = spec.l1();
    this.l2 = spec.l2();
    this.width = width;
    int size = Math.multiplyExact(rows, width);
    z = new double[size];
    n = new double[size];
    written = new float[size];
    Arrays.fill(written, Float.NaN);
  }

  @Override
  public void update(float[] weights, float[] gradients, int[] rows) {
    for (int row : rows) {
      for (int i = row * width, end = i + width; i < end; i++) {
        if (Float.compare(weights[i], written[i]) != 0) {
          z[i] = warmStart(weights[i], n[i]);
        }
        double g = gradients[i];
        double nNext = n[i] + g * g;
        double sigma = (Math.sqrt(nNext) - Math.sqrt(n[i])) / alpha;
        z[i] += g - sigma * weights[i];
        n[i] = nNext;
        weights[i] = (float) weight(z[i], nNext);
        written[i] = weights[i];
      }
    }
  }

  /** The closed-form weight of accumulators {@code z}, {@code n}. */
  double weight(double z, double n) {
    if (Math.abs(z) <= l1) {
      return 0;
    }
    return -(z - Math.signum(z) * l1) / ((beta + Math.sqrt(n)) / alpha + l2);
  }

  /** The z whose closed-form weight at {@code n} is {@code w}: the inverse of {@link #weight}. */
  double warmStart(double w, double n) {
    return -(w * ((beta + Math.sqrt(n)) / alpha + l2) + Math.signum(w) * l1);
  }

  double z(int index) {
    return z[index];
  }

  double n(int index) {
    return n[index];
  }
}

package io.riskstream.model;

/**
 * Adam moments for one parameter, on the host. The parameter sets are small enough that plain Java
 * keeps the update exact, deterministic and free of native temporaries.
 *
 * <p>The step count behind the bias correction is kept per row, so a table row that is stepped for
 * the first time after many batches gets a first step's correction, not a late one (a lazy Adam).
 */
final class AdamOptimizer implements ParameterOptimizer {

  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final double learningRate;
  private final int width;
  private final float[] firstMoment;
  private final float[] secondMoment;
  private final long[] steps;

  AdamOptimizer(OptimizerSpec.Adam spec, int rows, int width) {
    this.learningRate = spec.learningRate();
    this.width = width;
    firstMoment = new float[Math.multiplyExact(rows, width)];
    secondMoment = new float[firstMoment.length];
    steps = new long[rows];
  }

  @Override
  public void update(float[] weights, float[] gradients, int[] rows) {
    for (int row : rows) {
      steps[row]++;
      double correction1 = 1 - Math.pow(BETA1, steps[row]);
      double correction2 = 1 - Math.pow(BETA2, steps[row]);
      float[] m = firstMoment;
      float[] v = secondMoment;
      for (int i = row * width, end = i + width; i < end; i++) {
        float g = gradients[i];
        m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
        v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
        double mHat = m[i] / correction1;
        double vHat = v[i] / correction2;
        weights[i] = (float) (weights[i] - learningRate * mHat / (Math.sqrt(vHat) + EPSILON));
      }
    }
  }

  /** Steps taken by {@code row}; tests use it to see that untouched rows did not advance. */
  long steps(int row) {
    return steps[row];
  }
}

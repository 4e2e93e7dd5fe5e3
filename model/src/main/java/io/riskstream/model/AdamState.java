package io.riskstream.model;

import java.util.Arrays;

/**
 * Adam moments for a list of parameters, on the host. The parameter set is small (thousands of
 * floats), so plain Java keeps the update exact, deterministic and free of native temporaries.
 */
final class AdamState {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final float[][] firstMoment;
  private final float[][] secondMoment;
  private final long[] steps;

  AdamState(int[] sizes) {
    firstMoment = new float[sizes.length][];
    secondMoment = new float[sizes.length][];
    steps = new long[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      firstMoment[i] = new float[sizes[i]];
      secondMoment[i] = new float[sizes[i]];
    }
  }

  /** Applies one Adam step in place to {@code weights} given (already clipped) gradients. */
  void update(float[][] weights, float[][] gradients, float learningRate) {
    boolean[] all = new boolean[weights.length];
    Arrays.fill(all, true);
    update(weights, gradients, learningRate, all);
  }

  /**
   * Like {@link #update(float[][], float[][], float)} for the parameters marked {@code active}
   * only; the others, weights and moments alike, are left as they are (a lazy Adam step).
   */
  void update(float[][] weights, float[][] gradients, float learningRate, boolean[] active) {
    for (int p = 0; p < weights.length; p++) {
      if (!active[p]) {
        continue;
      }
      steps[p]++;
      double correction1 = 1 - Math.pow(BETA1, steps[p]);
      double correction2 = 1 - Math.pow(BETA2, steps[p]);
      float[] w = weights[p];
      float[] g = gradients[p];
      float[] m = firstMoment[p];
      float[] v = secondMoment[p];
      for (int i = 0; i < w.length; i++) {
        m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
        v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]);
        double mHat = m[i] / correction1;
        double vHat = v[i] / correction2;
        w[i] = (float) (w[i] - learningRate * mHat / (Math.sqrt(vHat) + EPSILON));
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
